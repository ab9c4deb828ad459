import type { MetaStore } from './local-store';
import { packId, unpackId } from './keys';
import { NoteMetaSchema, type NoteMeta } from './schema';

/**
 * Sync's bookkeeping in `storage.local` (one item per note, so a change writes only that note's
 * item). The engine's note store over the notes database is `lib/notes/note-store.ts`.
 */

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
