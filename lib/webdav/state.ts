import { z } from 'zod';
import { packId, unpackId } from '../sync/keys';
import { entryString } from '../sync/codec';
import type { SyncEntry } from '../sync/schema';

/**
 * What this device remembers about the server, per library: how far it has read the change log,
 * the notes it may have written but not yet announced there, and for each note the ETag and a
 * hash of the version it last saw or wrote. A note whose hash differs from this device's version
 * is written; an ETag says which version a conditional write replaces (null: this device wrote it
 * and the server gave no ETag, so it reads the note again before replacing it).
 */

/** What the server held for one note when this device last saw it. */
export type RemoteView = { etag: string | null; hash: string };

/** How far this device has come with the library. */
export const DavProgressSchema = z.object({
  library: z.uuid(),
  /** The change-log sequence number read up to; null before the first full read. */
  seq: z.number().int().min(0).nullable(),
  /** The index's ETag when it was read (a 304 then costs no transfer). */
  indexEtag: z.string().max(256).nullable(),
  /** When the folder was last listed in full (a backstop to the change log). */
  listedAt: z.number(),
  /** Notes written (or about to be) that the index does not list yet. */
  unannounced: z.array(z.uuid()).max(1_000_000),
});
export type DavProgress = z.infer<typeof DavProgressSchema>;

/** Where the progress and the views are kept (`storage.local` in the extension, memory in tests). */
export interface DavStateStore {
  progress(library: string): Promise<DavProgress>;
  saveProgress(progress: DavProgress): Promise<void>;
  views(library: string): Promise<Map<string, RemoteView>>;
  saveViews(library: string, views: [string, RemoteView | null][]): Promise<void>;
}

/** A fresh start with a library. */
export const newProgress = (library: string): DavProgress => ({ library, seq: null, indexEtag: null, listedAt: 0, unannounced: [] });

/** A 53-bit hash (cyrb53) of a note's canonical form: equal notes, equal hashes. */
export function entryHash(entry: SyncEntry): string {
  const s = entryString(entry);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)}.${s.length}`;
}

/** The part of `browser.storage.local` the state store uses. */
export type DavLocalArea = {
  get(keys?: null | string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
};

/** The part of a storage item the progress needs (`davProgressItem` in the extension). */
export type DavProgressItem = { getValue(): Promise<unknown>; setValue(value: DavProgress): Promise<void> };

const VIEW_PREFIX = 'davnote:';
const ViewSchema = z.tuple([z.string().max(256).nullable(), z.string().max(64), z.string().max(36)]);

/**
 * The state in `storage.local`: the progress in one storage item, and one item per note for its
 * view (so a sync writes only the notes it touched). Views are tagged with their library; a new
 * library starts from nothing and the old views are removed. Their keys are made per note, which
 * is why they are read from the raw area rather than through storage items (one per static key).
 */
export function areaStateStore(area: DavLocalArea, progressItem: DavProgressItem): DavStateStore {
  return {
    async progress(library) {
      const parsed = DavProgressSchema.safeParse(await progressItem.getValue());
      return parsed.success && parsed.data.library === library ? parsed.data : newProgress(library);
    },
    async saveProgress(progress) {
      await progressItem.setValue(progress);
    },
    async views(library) {
      const out = new Map<string, RemoteView>();
      const stale: string[] = [];
      for (const [key, value] of Object.entries(await area.get(null))) {
        if (!key.startsWith(VIEW_PREFIX)) continue;
        const parsed = ViewSchema.safeParse(value);
        if (!parsed.success || parsed.data[2] !== library) {
          stale.push(key);
          continue;
        }
        try {
          out.set(unpackId(key.slice(VIEW_PREFIX.length)), { etag: parsed.data[0], hash: parsed.data[1] });
        } catch {
          stale.push(key);
        }
      }
      if (stale.length) await area.remove(stale);
      return out;
    },
    async saveViews(library, views) {
      const set = views.filter(([, v]) => v !== null).map(([id, v]) => [VIEW_PREFIX + packId(id), [v!.etag, v!.hash, library]]);
      const gone = views.filter(([, v]) => v === null).map(([id]) => VIEW_PREFIX + packId(id));
      if (set.length) await area.set(Object.fromEntries(set));
      if (gone.length) await area.remove(gone);
    },
  };
}

/** The state in memory, for tests and the benchmark. */
export class MemoryStateStore implements DavStateStore {
  progressOf = new Map<string, DavProgress>();
  viewsOf = new Map<string, Map<string, RemoteView>>();
  async progress(library: string) {
    return structuredClone(this.progressOf.get(library) ?? newProgress(library));
  }
  async saveProgress(progress: DavProgress) {
    this.progressOf.set(progress.library, structuredClone(progress));
  }
  async views(library: string) {
    return new Map(this.viewsOf.get(library) ?? []);
  }
  async saveViews(library: string, views: [string, RemoteView | null][]) {
    const map = this.viewsOf.get(library) ?? new Map<string, RemoteView>();
    for (const [id, v] of views) {
      if (v) map.set(id, { ...v });
      else map.delete(id);
    }
    this.viewsOf.set(library, map);
  }
}
