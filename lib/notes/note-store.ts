import type { LocalNoteStore } from '../sync/local-store';
import type { NotesDb } from './db';
import { fromRecord, toRecord } from './record';
import { NoteSchema, type Note } from './schema';

/**
 * The notes database as sync's LocalNoteStore (the only one: the sync engine uses it in the
 * background), so that notes merged from other devices are written through `toRecord` and keep
 * their search, site and tag indexes right. Tombstones are included: sync carries deletions as
 * edits. Every write is parsed: a merged note that does not fit the schema fails loudly instead of
 * being stored.
 */
export function dexieNoteStore(db: NotesDb): LocalNoteStore {
  const store = (notes: Note[]) => db.notes.bulkPut(notes.map((n) => toRecord(NoteSchema.parse(n))));
  return {
    all: async () => (await db.notes.toArray()).map(fromRecord),
    get: async (ids) => (await db.notes.bulkGet(ids)).map((r) => r && fromRecord(r)),
    putMany: async (notes) => void (await store(notes)),
    update: (ids, change) =>
      // One read-write transaction: the notes service's edits are transactions too, so a merge
      // never overwrites an edit made between its read and its write (a lost update).
      db.transaction('rw', db.notes, async () => {
        const current = (await db.notes.bulkGet(ids)).map((r) => r && fromRecord(r));
        const next = change(current).filter((n): n is Note => n !== undefined);
        if (next.length) await store(next);
      }),
  };
}
