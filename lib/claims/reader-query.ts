import type { EntityTable } from 'dexie';
import { z } from 'zod';
import { searchWords } from '../notes/fold';
import { fromRow, newestFirst, type Cursor, type Indexed, type ReaderClaimsDb } from './reader-db';
import { parseClaimInput } from './reader-rows';
import type { CollectedFactCheck, TrackedClaim } from './reader-schema';

/**
 * Listing and searching the reader's tracked claims and collected fact-checks, newest edit first,
 * a page at a time. Built for 100,000 items: a page is read from the `[live+modified+id]` index, and
 * a search looks words up in the `*words` index, so neither reads the whole store.
 */

/** A page of a list, or a search: words every result has (by word prefix), how many, and where to go on. */
export const ReaderQuerySchema = z.object({
  /** Free text; every word must start a word of the item (any case, any accents). */
  text: z.string().max(1000).default(''),
  limit: z.number().int().positive().max(1000).default(50),
  /** For the next page: the last item of the previous one (its `modified` and `id`). */
  after: z.object({ modified: z.number().int(), id: z.string().max(100) }).optional(),
});
export type ReaderQuery = z.input<typeof ReaderQuerySchema>;

type Row = Indexed<{ id: string; modified: number }>;
type Rows<T extends Row> = EntityTable<T, 'id'>;

/** Whether a row comes after the cursor, newest first. */
const isAfter = (row: Row, after?: Cursor) =>
  !after || row.modified < after.modified || (row.modified === after.modified && row.id < after.id);

/** Below this many candidates, a search reads them and sorts; above, it walks the newest first. */
const FEW = 1_000;

/** Primary keys of rows having a word that starts with the term. */
async function keysWith<T extends Row>(table: Rows<T>, term: string): Promise<Set<string>> {
  return new Set((await table.where('words').startsWith(term).primaryKeys()) as string[]);
}

/**
 * Rows whose words start with every term. The longest term is looked up first (longer prefixes
 * are rarer); further terms narrow the candidates through the index until few are left, and are
 * then checked on the rows themselves.
 */
async function search<T extends Row>(table: Rows<T>, terms: string[], limit: number, after?: Cursor): Promise<T[]> {
  const [first, ...rest] = [...terms].sort((a, b) => b.length - a.length);
  let ids = await keysWith(table, first!);
  for (const term of rest) {
    if (ids.size <= FEW) break;
    const next = await keysWith(table, term);
    ids = new Set([...ids].filter((id) => next.has(id)));
  }
  const matches = (row: T) =>
    row.live === 1 && isAfter(row, after) && terms.every((t) => row.words.some((w) => w.startsWith(t)));
  if (ids.size > FEW) return newestFirst(table, after).filter((row) => ids.has(row.id) && matches(row)).limit(limit).toArray();
  const rows = (await table.bulkGet([...ids] as Parameters<Rows<T>['bulkGet']>[0])).filter((r): r is T => r !== undefined && matches(r));
  return rows.sort((a, b) => b.modified - a.modified || (a.id < b.id ? 1 : -1)).slice(0, limit);
}

async function query<T extends Row>(table: Rows<T>, input: unknown, what: string): Promise<T[]> {
  const q = parseClaimInput(ReaderQuerySchema, input, what);
  const terms = searchWords(q.text);
  if (terms.length === 0) return newestFirst(table, q.after).limit(q.limit).toArray();
  return search(table, terms, q.limit, q.after);
}

/** Live tracked claims, newest edit first; with `text`, those whose statement or quote has those words. */
export async function queryTrackedClaims(db: ReaderClaimsDb, input: unknown = {}): Promise<TrackedClaim[]> {
  return (await query(db.claims, input, 'tracked claim search')).map(fromRow);
}

/** Live collected fact-checks, likewise, searched by claim, fact-checker and claimant. */
export async function queryFactChecks(db: ReaderClaimsDb, input: unknown = {}): Promise<CollectedFactCheck[]> {
  return (await query(db.factChecks, input, 'fact-check search')).map(fromRow);
}
