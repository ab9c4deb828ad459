import { Dexie, type Collection, type DBCore, type EntityTable } from 'dexie';
import { searchWords } from '../fold';
import type { ClaimPack, CollectedFactCheck, Sighting, TrackedClaim } from './reader-schema';

/**
 * The reader's claim store in IndexedDB (Dexie). It lives in the extension's own origin
 * (background, extension pages), never in a content script, where `indexedDB` is the website's.
 * Rows carry derived fields for the indexes, recomputed at every write and stripped at every read:
 * `live` (1, or 0 for a tombstone: IndexedDB cannot index booleans), `newest` (minus the time of
 * the last edit, so that reading forwards gives the newest first: IndexedDB reads many rows in one
 * request only forwards) and `words` (folded words, for full-text search by word prefix).
 */

/** A stored row: the item plus its index fields. */
export type Indexed<T> = T & { live: 0 | 1; newest: number; words: string[] };

export type ReaderClaimsDb = Dexie & {
  claims: EntityTable<Indexed<TrackedClaim>, 'id'>;
  sightings: EntityTable<Indexed<Sighting>, 'id'>;
  factChecks: EntityTable<Indexed<CollectedFactCheck>, 'id'>;
  packs: EntityTable<ClaimPack, 'id'>;
  /** One row, `revision`: see stampRevisions. */
  meta: EntityTable<{ id: 'revision'; value: string }, 'id'>;
};

/** The tables whose content makes the reader's claim database. */
const CONTENT_TABLES = new Set(['claims', 'sightings', 'factChecks', 'packs']);

/**
 * Every write to the store's content also writes a new random `revision`, in the same transaction
 * (a DBCore middleware, so that no writer can forget it): one small read then says whether the
 * content is still what an index was built from, without reading 100,000 rows.
 */
function stampRevisions(db: Dexie): void {
  db.use({
    stack: 'dbcore',
    name: 'crosscheck-revision',
    create: (down: DBCore): DBCore => ({
      ...down,
      transaction(stores, mode, options) {
        const writes = mode === 'readwrite' && stores.some((s) => CONTENT_TABLES.has(s)) && !stores.includes('meta');
        return down.transaction(writes ? [...stores, 'meta'] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (!CONTENT_TABLES.has(name)) return table;
        const meta = down.table('meta');
        return {
          ...table,
          async mutate(request) {
            const result = await table.mutate(request);
            const tried = request.type === 'deleteRange' ? Infinity : request.type === 'delete' ? request.keys.length : request.values.length;
            // A write refused whole (an id taken) changed nothing: the revision stays.
            if (result.numFailures < tried) {
              await meta.mutate({ type: 'put', trans: request.trans, values: [{ id: 'revision', value: crypto.randomUUID() }] });
            }
            return result;
          },
        };
      },
    }),
  });
}

/** The store's revision: it changes with every write to its content ('' before the first). */
export async function readerRevision(db: ReaderClaimsDb): Promise<string> {
  return (await db.meta.get('revision'))?.value ?? '';
}

let contextDb: ReaderClaimsDb | undefined;

/**
 * The reader's claim store of this context (the background, or one extension page): one connection,
 * shared by everything in it that reads or writes the reader's claims.
 */
export function readerClaimsDb(): ReaderClaimsDb {
  contextDb ??= openReaderClaimsDb();
  return contextDb;
}

/** Opens (creating as needed) the reader's claim store. */
export function openReaderClaimsDb(name = 'crosscheck-reader-claims'): ReaderClaimsDb {
  const db = new Dexie(name) as ReaderClaimsDb;
  db.version(1).stores({
    // [live+newest+id]: live rows newest first, page by page (the id breaks ties between rows
    // written in the same millisecond, as an import writes them), and all live rows for toClaimDatabase.
    claims: 'id, [live+newest+id], *words',
    sightings: 'id, [claimId+live], live',
    factChecks: 'id, [live+newest+id], *words',
    packs: 'id',
  });
  db.version(2).stores({ meta: 'id' });
  stampRevisions(db);
  return db;
}

function indexed<T extends { deleted: boolean; modified: number }>(item: T, searched: string): Indexed<T> {
  return { ...item, live: item.deleted ? 0 : 1, newest: -item.modified, words: searched ? searchWords(searched) : [] };
}

/**
 * A tracked claim's row: searched by its statement. Not by its quote too: that would more than
 * double the index entries, and with them the time to store 100,000 claims.
 */
export const claimRow = (c: TrackedClaim) => indexed(c, c.statement);
/** A sighting's row: not searched (it is listed with its claim). */
export const sightingRow = (s: Sighting) => indexed(s, '');
/** A fact-check's row: searched by the claim reviewed, the fact-checker and the claimant. */
export const factCheckRow = (f: CollectedFactCheck) =>
  indexed(f, `${f.claimReviewed} ${f.factChecker.name ?? ''} ${f.claimant?.name ?? ''}`);

/** The item stored in a row, without its index fields. */
export function fromRow<T>(row: Indexed<T>): T {
  const { live: _live, newest: _newest, words: _words, ...item } = row;
  return item as T;
}

/** Where a page of a list starts: just after the last item of the previous page. */
export type Cursor = { modified: number; id: string };

type Row = Indexed<{ id: string; modified: number }>;

/**
 * Live rows of claims or fact-checks, newest edit first (ties by id), from just after the cursor
 * when given. Forwards, so that `toArray` and `primaryKeys` are one request each.
 */
export function newestFirst<T extends Row>(table: EntityTable<T, 'id'>, after?: Cursor): Collection<T, string> {
  const start = after ? [1, -after.modified, after.id] : [1, -Infinity, Dexie.minKey];
  return table.where('[live+newest+id]').between(start, [1, Infinity, Dexie.maxKey], !after, false) as Collection<T, string>;
}

/** Whether a row comes after the cursor in that order. */
export function isAfter(row: Row, after?: Cursor): boolean {
  return !after || row.modified < after.modified || (row.modified === after.modified && row.id > after.id);
}

/** Newest edit first, ties by id: the order of `newestFirst`. */
export function byNewest(a: Row, b: Row): number {
  return b.modified - a.modified || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Every live row of claims or fact-checks (read in bulk). */
export function liveRows<T extends Row>(table: EntityTable<T, 'id'>): Promise<T[]> {
  return newestFirst(table).toArray();
}
