import { Dexie, type Collection, type EntityTable } from 'dexie';
import { searchWords } from '../notes/fold';
import type { ClaimPack, CollectedFactCheck, Sighting, TrackedClaim } from './reader-schema';

/**
 * The reader's claim store in IndexedDB (Dexie). It lives in the extension's own origin
 * (background, extension pages), never in a content script, where `indexedDB` is the website's.
 * Rows carry two derived fields for the indexes, recomputed at every write and stripped at every
 * read: `live` (1, or 0 for a tombstone: IndexedDB cannot index booleans) and `words` (folded
 * words, for full-text search by word prefix).
 */

/** A stored row: the item plus its index fields. */
export type Indexed<T> = T & { live: 0 | 1; words: string[] };

export type ReaderClaimsDb = Dexie & {
  claims: EntityTable<Indexed<TrackedClaim>, 'id'>;
  sightings: EntityTable<Indexed<Sighting>, 'id'>;
  factChecks: EntityTable<Indexed<CollectedFactCheck>, 'id'>;
  packs: EntityTable<ClaimPack, 'id'>;
};

/** Opens (creating as needed) the reader's claim store. */
export function openReaderClaimsDb(name = 'crosscheck-reader-claims'): ReaderClaimsDb {
  const db = new Dexie(name) as ReaderClaimsDb;
  db.version(1).stores({
    // [live+modified+id]: live rows newest first, page by page (the id breaks ties between rows
    // written in the same millisecond, as an import writes them), and all live rows for toClaimDatabase.
    claims: 'id, [live+modified+id], *words',
    sightings: 'id, [claimId+live], live',
    factChecks: 'id, [live+modified+id], *words',
    packs: 'id',
  });
  return db;
}

function indexed<T extends { deleted: boolean }>(item: T, searched: string): Indexed<T> {
  return { ...item, live: item.deleted ? 0 : 1, words: searched ? searchWords(searched) : [] };
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
  const { live: _live, words: _words, ...item } = row;
  return item as T;
}

/** Where a page of a list starts: just after the last item of the previous page. */
export type Cursor = { modified: number; id: string };

/** Live rows of claims or fact-checks, newest edit first, from just after the cursor when given. */
export function newestFirst<T extends Indexed<{ id: string; modified: number }>>(
  table: EntityTable<T, 'id'>,
  after?: Cursor,
): Collection<T, string> {
  // Infinity, not a second Dexie.maxKey: one array object twice in a key is a cycle to IndexedDB.
  const end = after ? [1, after.modified, after.id] : [1, Infinity, Dexie.maxKey];
  return table.where('[live+modified+id]').between([1, Dexie.minKey, Dexie.minKey], end, true, false).reverse() as Collection<T, string>;
}

/** Every live row of claims or fact-checks, in index order (read in bulk: no cursor per row). */
export function liveRows<T extends Indexed<{ id: string; modified: number }>>(table: EntityTable<T, 'id'>): Promise<T[]> {
  return table.where('[live+modified+id]').between([1, Dexie.minKey, Dexie.minKey], [1, Infinity, Dexie.maxKey]).toArray() as Promise<T[]>;
}
