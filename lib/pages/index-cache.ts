import { Dexie, type EntityTable } from 'dexie';
import type { StoredIndex } from '../matcher/index-store';

/**
 * The claim index kept between worker starts, in the extension's own IndexedDB: reading a stored
 * index back is about five times quicker than building it (100,000 claims: 0.8 s against 4.5 s).
 * A cache only: one row, replaced whenever the claims change, and safe to lose.
 */
export interface IndexCache {
  /** The stored index, when it was built from what `key` names. */
  get(key: string): Promise<StoredIndex | undefined>;
  put(index: StoredIndex): Promise<void>;
}

type Row = { id: 'claims'; index: StoredIndex };

/** The cache in its own database, apart from the reader's data. */
export function openIndexCache(name = 'crosscheck-index-cache'): IndexCache {
  const db = new Dexie(name) as Dexie & { indexes: EntityTable<Row, 'id'> };
  db.version(1).stores({ indexes: 'id' });
  return {
    async get(key) {
      const row = await db.indexes.get('claims');
      return row?.index.key === key ? row.index : undefined;
    },
    async put(index) {
      await db.indexes.put({ id: 'claims', index });
    },
  };
}
