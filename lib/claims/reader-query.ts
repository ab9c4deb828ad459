import type { EntityTable } from 'dexie';
import { z } from 'zod';
import { searchWords } from '../fold';
import { fromRow, newestFirst, type Indexed, type ReaderClaimsDb } from './reader-db';
import { searchRows } from './reader-search';
import { parseClaimInput } from './reader-rows';
import type { CollectedFactCheck, TrackedClaim } from './reader-schema';

/**
 * Listing and searching the reader's tracked claims and collected fact-checks, newest edit first,
 * a page at a time. Built for 100,000 items: a page is read from the `[live+modified+id]` index, and
 * a search (reader-search.ts) uses the `*words` index, so neither reads the whole store.
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

async function query<T extends Row>(table: Rows<T>, input: unknown, what: string): Promise<T[]> {
  const q = parseClaimInput(ReaderQuerySchema, input, what);
  const terms = searchWords(q.text);
  if (terms.length === 0) return newestFirst(table, q.after).limit(q.limit).toArray();
  return searchRows(table, terms, q.limit, q.after);
}

/** Live tracked claims, newest edit first; with `text`, those whose statement has those words. */
export async function queryTrackedClaims(db: ReaderClaimsDb, input: unknown = {}): Promise<TrackedClaim[]> {
  return (await query(db.claims, input, 'tracked claim search')).map(fromRow);
}

/** Live collected fact-checks, likewise, searched by claim, fact-checker and claimant. */
export async function queryFactChecks(db: ReaderClaimsDb, input: unknown = {}): Promise<CollectedFactCheck[]> {
  return (await query(db.factChecks, input, 'fact-check search')).map(fromRow);
}
