import type { NotesDb } from '../notes/db';
import { NoteSchema } from '../notes/schema';
import { fromRecord, toRecord } from '../notes/record';
import type { LocalNoteStore, MetaStore } from './local-store';
import { packId, unpackId } from './keys';
import { NoteMetaSchema, type NoteMeta } from './schema';

/**
 * The engine's stores over the real thing: the notes' Dexie table, and sync's bookkeeping in
 * `storage.local` (one item per note, so a change writes only that note's item).
 */

/** The local-store interface over the notes database. */
export function dexieNoteStore(db: NotesDb): LocalNoteStore {
  return {
    all: async () => (await db.notes.toArray()).map(fromRecord),
    get: async (ids) => (await db.notes.bulkGet(ids)).map((r) => r && fromRecord(r)),
    putMany: async (notes) => void (await db.notes.bulkPut(notes.map((n) => toRecord(NoteSchema.parse(n))))),
    update: (ids, change) =>
      // One read-write transaction: the notes service's edits are transactions too, so a merge
      // never overwrites an edit made between its read and its write.
      db.transaction('rw', db.notes, async () => {
        const current = (await db.notes.bulkGet(ids)).map((r) => r && fromRecord(r));
        const next = change(current).filter((n): n is NonNullable<typeof n> => n !== undefined);
        // Parsed: a merged note that does not fit the schema fails loudly instead of being stored.
        if (next.length) await db.notes.bulkPut(next.map((n) => toRecord(NoteSchema.parse(n))));
      }),
  };
}

/** The part of `browser.storage.local` the meta store uses. */
export type LocalArea = {
  get(keys?: null | string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
};

const PREFIX = 'syncmeta:';

/** Sync's bookkeeping in a storage area (e.g. `browser.storage.local`); bad items are skipped. */
export function areaMetaStore(area: LocalArea): MetaStore {
  return {
    async all() {
      const out = new Map<string, NoteMeta>();
      for (const [key, value] of Object.entries(await area.get(null))) {
        if (!key.startsWith(PREFIX)) continue;
        const parsed = NoteMetaSchema.safeParse(value);
        // Unreadable bookkeeping only costs a spurious conflict later, never a note: skip it.
        if (parsed.success) out.set(unpackId(key.slice(PREFIX.length)), parsed.data);
      }
      return out;
    },
    async putMany(entries) {
      await area.set(Object.fromEntries(entries.map(([id, meta]) => [PREFIX + packId(id), meta])));
    },
  };
}
