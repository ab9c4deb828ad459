import { Dexie, type EntityTable } from 'dexie';
import type { ClaimDatabase } from '../claims/schema';
import type { StoredIndex } from '../matcher/index-store';

/**
 * What the background keeps between worker starts, in the extension's own IndexedDB: the matcher's
 * lexicon and the claims with their index. Chromium stops an idle worker after 30 s and starts it
 * again for the next page, which then waits for both. A cache only: a row per kind, replaced when
 * what it was made from changes, and safe to lose. One database, so that a starting worker opens one.
 */

/** What is kept of the claims: the reader's as a database, and the index over them joined to the bundled ones. */
export type CachedClaims = { key: string; reader: ClaimDatabase; index: StoredIndex };

/**
 * The claims and their index: with 100,000 of the reader's claims, reading them back is several
 * times quicker than reading the reader's store row by row and building the index again; with the
 * bundled claims alone, it spares a starting worker the index build (30–45 ms before V8 has
 * optimised its code).
 */
export interface IndexCache {
  /** What is kept, when it was made from what `key` names. */
  get(key: string): Promise<CachedClaims | undefined>;
  put(entry: CachedClaims): Promise<void>;
}

/**
 * The lexicon's bytes. Chromium hands a worker the packaged 6.7 MB file in 120–150 ms, and
 * IndexedDB the same bytes kept as a Blob in about 20 ms.
 */
export interface LexiconCache {
  /** The bytes kept under `key` (a hash of the packaged file), or undefined. */
  get(key: string): Promise<Uint8Array | undefined>;
  put(key: string, bytes: Uint8Array): Promise<void>;
}

type ClaimsRow = CachedClaims & { id: 'claims' };
type FileRow = { id: 'lexicon'; key: string; bytes: Blob };

const opened = new Map<string, { claims: IndexCache; lexicon: LexiconCache }>();

/** The worker's cache, opened once per database name (the first version held the claims only). */
export function openWorkerCache(name = 'crosscheck-index-cache'): { claims: IndexCache; lexicon: LexiconCache } {
  const known = opened.get(name);
  if (known) return known;
  const db = new Dexie(name) as Dexie & { entries: EntityTable<ClaimsRow, 'id'>; files: EntityTable<FileRow, 'id'> };
  db.version(1).stores({ entries: 'id' });
  db.version(2).stores({ entries: 'id', files: 'id' });
  const cache = {
    claims: {
      async get(key: string) {
        const row = await db.entries.get('claims');
        return row?.key === key ? row : undefined;
      },
      async put(entry: CachedClaims) {
        await db.entries.put({ ...entry, id: 'claims' });
      },
    },
    lexicon: {
      async get(key: string) {
        const row = await db.files.get('lexicon');
        // A Blob, not an ArrayBuffer: Chromium reads a large Blob back from its own file, about twice as fast.
        return row?.key === key ? new Uint8Array(await row.bytes.arrayBuffer()) : undefined;
      },
      async put(key: string, bytes: Uint8Array) {
        await db.files.put({ id: 'lexicon', key, bytes: new Blob([bytes as Uint8Array<ArrayBuffer>]) });
      },
    },
  };
  opened.set(name, cache);
  return cache;
}
