import { Dexie, type EntityTable } from 'dexie';

/**
 * The matcher's lexicon kept between worker starts, in the extension's own IndexedDB. Chromium
 * hands a worker the packaged 5.6 MB file in 120–150 ms, and IndexedDB the same bytes kept as a
 * Blob in about 20 ms: a worker that stops when idle and starts again for a page pays the difference
 * at every start. A cache only: one row, replaced when the packaged lexicon changes, and safe to lose.
 */
export interface LexiconCache {
  /** The bytes kept under `key` (a hash of the packaged file), or undefined. */
  get(key: string): Promise<Uint8Array | undefined>;
  put(key: string, bytes: Uint8Array): Promise<void>;
}

type Row = { id: 'lexicon'; key: string; bytes: Blob };

export function openLexiconCache(name = 'crosscheck-lexicon-cache'): LexiconCache {
  const db = new Dexie(name) as Dexie & { files: EntityTable<Row, 'id'> };
  db.version(1).stores({ files: 'id' });
  return {
    async get(key) {
      const row = await db.files.get('lexicon');
      // A Blob, not an ArrayBuffer: Chromium reads a large Blob back from its own file, about twice as fast.
      return row?.key === key ? new Uint8Array(await row.bytes.arrayBuffer()) : undefined;
    },
    async put(key, bytes) {
      await db.files.put({ id: 'lexicon', key, bytes: new Blob([bytes as Uint8Array<ArrayBuffer>]) });
    },
  };
}
