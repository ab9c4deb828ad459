import type { LocalNoteStore } from '../sync/local-store';
import type { NotesDb } from './db';
import { fromRecord, toRecord } from './record';
import { NoteSchema, type Note } from './schema';

/**
 * The notes database as sync's LocalNoteStore, so that notes merged from other devices are written
 * through `toRecord` and keep their search, site and tag indexes right. Tombstones are included:
 * sync carries deletions as edits.
 */
export function dexieNoteStore(db: NotesDb): LocalNoteStore {
  return {
    all: async () => (await db.notes.toArray()).map(fromRecord),
    get: async (ids) => (await db.notes.bulkGet(ids)).map((r) => r && fromRecord(r)),
    // Parsed here too: a merged note that does not fit the schema must fail loudly, not be stored.
    putMany: async (notes: Note[]) => {
      await db.notes.bulkPut(notes.map((n) => toRecord(NoteSchema.parse(n))));
    },
  };
}
