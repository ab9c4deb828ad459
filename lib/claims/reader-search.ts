import type { EntityTable } from 'dexie';
import { newestFirst, type Cursor, type Indexed } from './reader-db';

/**
 * Full-text search over a table of the reader's store (tracked claims, fact-checks): the live
 * rows having, for every term, a word that starts with it; newest edit first, `limit` of them.
 * Built so that neither common nor rare words make it read the whole store:
 *
 * 1. A rare term is looked up in the `*words` index, at most `few` keys per term: if one term has
 *    no more than that, only its rows are read, checked and sorted.
 * 2. Otherwise every term is common, and the newest rows are read in growing batches and checked
 *    in memory, which fills a page of results quickly.
 * 3. If that has read `walk` rows without filling the page (common words that rarely meet), the
 *    terms' full key sets are intersected; few candidates are then read as in 1, many are
 *    walked as in 2, skipping the rows that are not candidates without checking their words.
 */

type Row = Indexed<{ id: string; modified: number }>;
type Rows<T extends Row> = EntityTable<T, 'id'>;

/** How a search trades reading candidates against walking rows; tests shrink it. */
export interface SearchTuning {
  /** At most this many candidates are read and sorted; more are walked newest first. */
  few: number;
  /** Rows read newest first before the index is asked which rows can match at all. */
  walk: number;
  firstBatch: number;
  maxBatch: number;
}

export const SEARCH_TUNING: SearchTuning = { few: 1_000, walk: 4_000, firstBatch: 250, maxBatch: 2_000 };

const cursorOf = (row: Row): Cursor => ({ modified: row.modified, id: row.id });

/** Whether a row comes after the cursor, newest first. */
const isAfter = (row: Row, after?: Cursor) =>
  !after || row.modified < after.modified || (row.modified === after.modified && row.id < after.id);

/**
 * Keys of rows with a word starting with `term`, one per index entry (a row with two such words
 * appears twice), at most `max` entries.
 */
async function keysWith<T extends Row>(table: Rows<T>, term: string, max = Infinity): Promise<string[]> {
  const range = table.where('words').startsWith(term);
  return (await (max === Infinity ? range : range.limit(max)).primaryKeys()) as string[];
}

/** The candidates' rows that match, newest first. */
async function readCandidates<T extends Row>(table: Rows<T>, ids: Set<string>, matches: (row: T) => boolean, limit: number) {
  const rows = await table.bulkGet([...ids] as Parameters<Rows<T>['bulkGet']>[0]);
  const hits = rows.filter((r): r is T => r !== undefined && matches(r));
  return hits.sort((a, b) => b.modified - a.modified || (a.id < b.id ? 1 : -1)).slice(0, limit);
}

/** See the module's comment; `terms` are folded words (searchWords), at least one. */
export async function searchRows<T extends Row>(
  table: Rows<T>,
  terms: readonly string[],
  limit: number,
  after?: Cursor,
  tuning: SearchTuning = SEARCH_TUNING,
): Promise<T[]> {
  const { few, walk, firstBatch, maxBatch } = tuning;
  const matches = (row: T) => row.live === 1 && isAfter(row, after) && terms.every((t) => row.words.some((w) => w.startsWith(t)));
  const longestFirst = [...terms].sort((a, b) => b.length - a.length);
  for (const term of longestFirst) {
    const keys = await keysWith(table, term, few + 1);
    if (keys.length <= few) return readCandidates(table, new Set(keys), matches, limit);
  }

  const found: T[] = [];
  let candidates: Set<string> | undefined;
  let cursor = after;
  let read = 0;
  for (let batch = firstBatch; ; batch = Math.min(batch * 2, maxBatch)) {
    if (!candidates && read >= walk) {
      candidates = new Set(await keysWith(table, longestFirst[0]!));
      for (const term of longestFirst.slice(1)) {
        const next = new Set(await keysWith(table, term));
        candidates = new Set([...candidates].filter((id) => next.has(id)));
      }
      if (candidates.size <= few) return readCandidates(table, candidates, matches, limit);
    }
    const rows = await newestFirst(table, cursor).limit(batch).toArray();
    for (const row of rows) {
      if ((!candidates || candidates.has(row.id)) && matches(row) && found.push(row) === limit) return found;
    }
    if (rows.length < batch) return found;
    read += rows.length;
    cursor = cursorOf(rows.at(-1)!);
  }
}
