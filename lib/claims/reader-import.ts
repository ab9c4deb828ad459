import { errorMessage } from '../error-message';
import { describeProblem, parseClaimReviewsInSlices } from '../factchecks/parse';
import { validateClaimDatabase } from './database';
import type { ReaderClaimsDb } from './reader-db';
import { collectFactChecks } from './reader-factchecks';
import { hash64 } from './reader-ids';
import type { ReaderContext } from './reader-rows';
import { ClaimPackSchema } from './reader-schema';

/**
 * Import into the reader's claim store: a file of schema.org ClaimReview items (one, an array, a
 * DataFeed, a page's @graph) or a claim pack in the project's own schema (lib/claims/schema.ts).
 * All or nothing: if anything is wrong, nothing is written and the error names every bad item (up
 * to five). Importing the same file twice changes nothing.
 */

/** Thrown when a file cannot be imported; the store is as it was. */
export class ClaimImportError extends Error {
  override name = 'ClaimImportError';
}

/** What an import did, counted in fact-checks or in packs. */
export type ClaimImportResult = {
  kind: 'fact-checks' | 'claim pack';
  added: number;
  updated: number;
  unchanged: number;
  total: number;
};

/** A fact-checker's feed may hold many thousands of reviews; a page's JSON-LD is read with less. */
const FEED_LIMITS = { maxDepth: 32, maxVisited: 10_000_000, maxFound: 100_000 };
const MAX_REPORTED = 5;

const refuse = (reasons: readonly string[]): never => {
  const more = reasons.length > MAX_REPORTED ? ` …and ${reasons.length - MAX_REPORTED} more` : '';
  throw new ClaimImportError(`Nothing was imported. ${reasons.slice(0, MAX_REPORTED).join('; ')}${more}`);
};

/** A claim pack is an object with the database's collections; anything else is read as JSON-LD. */
function isClaimPack(data: unknown): data is Record<string, unknown> {
  return typeof data === 'object' && data !== null && !Array.isArray(data) && 'claims' in data && 'assertions' in data;
}

async function importPack(db: ReaderClaimsDb, data: unknown, label: string, ctx: ReaderContext): Promise<ClaimImportResult> {
  let database;
  try {
    // No article texts come with a file, so quotes are not checked against them; the rest is.
    database = validateClaimDatabase(data, { label }).database;
  } catch (e) {
    return refuse([errorMessage(e)]);
  }
  // The same content always gets the same id (the schema's output has a fixed key order).
  const pack = ClaimPackSchema.parse({ id: hash64(JSON.stringify(database)), label: label.slice(0, 200), database, imported: ctx.now() });
  const added = await db.transaction('rw', db.packs, async () => {
    if (await db.packs.get(pack.id)) return 0;
    await db.packs.add(pack);
    return 1;
  });
  return { kind: 'claim pack', added, updated: 0, unchanged: 1 - added, total: 1 };
}

/** How far an import is: its items checked, then the changed ones written (`done` of `total`). */
export type ImportProgress = { phase: 'checking' | 'writing'; done: number; total: number };

async function importClaimReviews(db: ReaderClaimsDb, data: unknown, ctx: ReaderContext, onProgress?: (p: ImportProgress) => void): Promise<ClaimImportResult> {
  const checked = (done: number, total: number) => onProgress?.({ phase: 'checking', done, total });
  const { items, problems, found } = await parseClaimReviewsInSlices(data, FEED_LIMITS, checked);
  if (problems.length > 0) return refuse(problems.map(describeProblem));
  if (found === 0) {
    return refuse(['This is neither a file of schema.org ClaimReview items nor a claim pack (an object with claims and assertions).']);
  }
  try {
    const written = (done: number, total: number) => onProgress?.({ phase: 'writing', done, total });
    return { kind: 'fact-checks', ...(await collectFactChecks(db, items, ctx, undefined, written)) };
  } catch (e) {
    return refuse([errorMessage(e)]);
  }
}

/**
 * Imports a file (its JSON text, or parsed JSON) into the store; `label` names it in messages, and
 * `onProgress` hears how far a file of fact-checks is. Throws ClaimImportError, having written
 * nothing, when any item is bad.
 */
export async function importClaimsFile(
  db: ReaderClaimsDb,
  file: unknown,
  ctx: ReaderContext,
  label = 'imported file',
  onProgress?: (p: ImportProgress) => void,
): Promise<ClaimImportResult> {
  let data = file;
  if (typeof file === 'string') {
    try {
      data = JSON.parse(file);
    } catch (e) {
      return refuse([`${label} is not JSON: ${errorMessage(e)}`]);
    }
  }
  return isClaimPack(data) ? importPack(db, data, label, ctx) : importClaimReviews(db, data, ctx, onProgress);
}
