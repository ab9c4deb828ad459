import type { EntityTable } from 'dexie';
import { byNewest, isAfter, newestFirst, type Cursor, type Indexed } from './reader-db';

/**
 * Full-text search over a table of the reader's store (tracked claims, fact-checks): the live
 * rows having, for every term, a word that starts with it; newest edit first, `limit` of them.
 * Built so that neither common nor rare words make it read the whole store (in Chromium a row
 * costs about 50 µs to read, a key about 15):
 *
 * 1. A rare term is looked up in the `*words` index, at most `few` keys per term: if one term has
 *    no more than that, only its rows are read, checked and sorted.
 * 2. Otherwise every term is common, and the newest rows are read in growing batches, up to
 *    `walk` of them, and checked in memory: common words that often meet fill a page there.
 * 3. Else the terms' key sets are intersected: every candidate matches. Up to `many` are read and
 *    sorted; more are picked newest first from the live rows' keys, read in chunks (keys alone:
 *    rows cost far more), and only the rows of the page are read.
 */

type Row = Indexed<{ id: string; modified: number }>;
type Rows<T extends Row> = EntityTable<T, 'id'>;

/** How a search trades reading candidates against walking rows; tests shrink it. */
export interface SearchTuning {
  /** A term with at most this many index entries is rare: its rows are read. */
  few: number;
  /** Rows read newest first before the index is asked which rows can match at all. */
  walk: number;
  firstBatch: number;
  /**
   * At most this many candidates are read and sorted; more are picked from the keys in order.
   * About where the two cost the same in Chromium for a page of 50 among 100,000 rows:
   * reading C rows (C × 115 µs by bulkGet) against scanning 50 × 100,000 / C keys (15 µs each).
   */
  many: number;
  /** Keys read at a time when picking. */
  keyChunk: number;
}

export const SEARCH_TUNING: SearchTuning = { few: 200, walk: 1_000, firstBatch: 250, many: 800, keyChunk: 2_000 };

/**
 * Keys of rows with a word starting with `term`, one per index entry (a row with two such words
 * appears twice), at most `max` entries.
 */
async function keysWith<T extends Row>(table: Rows<T>, term: string, max = Infinity): Promise<string[]> {
  const range = table.where('words').startsWith(term);
  return (await (max === Infinity ? range : range.limit(max)).primaryKeys()) as string[];
}

const rowsOf = async <T extends Row>(table: Rows<T>, ids: Iterable<string>) =>
  (await table.bulkGet([...ids] as Parameters<Rows<T>['bulkGet']>[0])).filter((r): r is T => r !== undefined);

/** See the module's comment; `terms` are folded words (searchWords), at least one. */
export async function searchRows<T extends Row>(
  table: Rows<T>,
  terms: readonly string[],
  limit: number,
  after?: Cursor,
  tuning: SearchTuning = SEARCH_TUNING,
): Promise<T[]> {
  const { few, walk, firstBatch, many, keyChunk } = tuning;
  const matches = (row: T) => row.live === 1 && isAfter(row, after) && terms.every((t) => row.words.some((w) => w.startsWith(t)));
  const newestOf = (rows: T[]) => rows.sort(byNewest).slice(0, limit);
  const longestFirst = [...terms].sort((a, b) => b.length - a.length);
  for (const term of longestFirst) {
    const keys = await keysWith(table, term, few + 1);
    if (keys.length <= few) return newestOf((await rowsOf(table, new Set(keys))).filter(matches));
  }

  const found: T[] = [];
  let cursor = after;
  for (let read = 0, batch = firstBatch; read < walk; batch *= 2) {
    const want = Math.min(batch, walk - read);
    const rows = await newestFirst(table, cursor).limit(want).toArray();
    for (const row of rows) if (matches(row) && found.push(row) === limit) return found;
    if (rows.length < want) return found; // the end of the table
    read += want;
    cursor = { modified: rows.at(-1)!.modified, id: rows.at(-1)!.id };
  }

  let candidates = new Set(await keysWith(table, longestFirst[0]!));
  for (const term of longestFirst.slice(1)) {
    const next = new Set(await keysWith(table, term));
    candidates = new Set([...candidates].filter((id) => next.has(id)));
  }
  if (candidates.size <= many) return newestOf((await rowsOf(table, candidates)).filter(matches));
  return [...found, ...(await rowsOf(table, await pickNewest(table, candidates, limit - found.length, keyChunk, cursor)))];
}

/**
 * The first `count` candidates in newest-first order after the cursor, from the live rows' keys
 * read a chunk at a time. Every candidate has the words and the keys are of live rows after the
 * cursor, so each one picked is a match.
 */
async function pickNewest<T extends Row>(table: Rows<T>, candidates: Set<string>, count: number, chunk: number, after?: Cursor) {
  const picked: string[] = [];
  for (let from = after; ; ) {
    const keys = (await newestFirst(table, from).limit(chunk).primaryKeys()) as string[];
    for (const id of keys) if (candidates.has(id) && picked.push(id) === count) return picked;
    if (keys.length < chunk) return picked;
    const [last] = await rowsOf(table, keys.slice(-1)); // where the chunk ended
    if (!last) return picked; // deleted meanwhile: stop rather than loop
    from = { modified: last.modified, id: last.id };
  }
}
