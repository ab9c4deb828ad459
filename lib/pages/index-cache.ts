import { Dexie, type EntityTable } from 'dexie';
import type { ClaimDatabase } from '../claims/schema';
import type { StoredIndex } from '../matcher/index-store';

/** What is kept: the reader's claims as a database, and the index over them joined to the bundled ones. */
export type CachedClaims = { key: string; reader: ClaimDatabase; index: StoredIndex };

/**
 * The reader's claims and their index kept between worker starts, in the extension's own IndexedDB:
 * with 100,000 claims, reading them back is several times quicker than reading the reader's store
 * row by row and building the index again. A cache only: one row, replaced whenever the claims
 * change, and safe to lose.
 */
export interface IndexCache {
  /** What is kept, when it was made from what `key` names. */
  get(key: string): Promise<CachedClaims | undefined>;
  put(entry: CachedClaims): Promise<void>;
}

type Row = CachedClaims & { id: 'claims' };

/** The cache in its own database, apart from the reader's data. */
export function openIndexCache(name = 'crosscheck-index-cache'): IndexCache {
  const db = new Dexie(name) as Dexie & { entries: EntityTable<Row, 'id'> };
  db.version(1).stores({ entries: 'id' });
  return {
    async get(key) {
      const row = await db.entries.get('claims');
      return row?.key === key ? row : undefined;
    },
    async put(entry) {
      await db.entries.put({ ...entry, id: 'claims' });
    },
  };
}
