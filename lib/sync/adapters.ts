import type { NotesDb } from '../notes/db';
import { fromRecord, toRecord } from '../notes/record';
import { NoteSchema, type Note } from '../notes/schema';
import type { LocalNoteStore, MetaStore } from './local-store';
import { packId, unpackId } from './keys';
import { NoteMetaSchema, type NoteMeta } from './schema';

/**
 * Sync's stores on this device: the notes database as its note store, and its own bookkeeping in
 * `storage.local` (one item per note, so a change writes only that note's item).
 */

/** The part of `browser.storage.local` the meta store uses. */
export type LocalArea = {
  get(keys?: null | string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
};

const PREFIX = 'syncmeta:';

/**
 * Sync's bookkeeping in a storage area (e.g. `browser.storage.local`); bad items are skipped. A
 * wrapper over the raw area, not WXT storage items: the keys are made per note (one item each, so
 * a merge writes only the notes it changed), and an item is defined for one static key.
 */
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
