import { z } from 'zod';
import { FactCheckSchema, HttpUrlSchema, type FactCheck } from '../factchecks/schema';
import { factCheckRow, fromRow, type ReaderClaimsDb } from './reader-db';
import { factCheckId } from './reader-ids';
import { ClaimInputError, editItem, getItem, parseClaimInput, type ReaderContext, type RowKind } from './reader-rows';
import { CollectedFactCheckSchema, HashIdSchema, type CollectedFactCheck } from './reader-schema';

/**
 * The fact-checks the reader collected, from a page (*Add this fact-check*) or a file. A
 * fact-check's id is a hash of its review URL and the claim, so collecting the same one again
 * changes nothing, and a fact-checker's revised verdict replaces the old one.
 */

/** What collecting did: fact-checks added, replaced by a changed version, or already there as they are. */
export type CollectResult = { added: number; updated: number; unchanged: number; total: number };

const factChecks = (db: ReaderClaimsDb): RowKind<CollectedFactCheck> => ({
  what: 'fact-check',
  table: db.factChecks,
  schema: CollectedFactCheckSchema,
  toRow: factCheckRow,
});

/** What the page sends: a fact-check as the parser gave it, and the page it was on. */
export const CollectFactCheckSchema = z.object({
  factCheck: FactCheckSchema,
  /** The review's URL when its ClaimReview gives none: the page it was published on. */
  pageUrl: HttpUrlSchema.optional(),
});

/** Fact-checks written per request: small enough to report progress often, large enough to cost little. */
const WRITE_CHUNK = 2_000;

/** The FactCheck fields alone, in schema order, to tell whether a stored one changed. */
const content = (f: FactCheck) => JSON.stringify(FactCheckSchema.parse(f));

/** Whether two fact-checks say the same (a stored one and one read again, say), whatever else they carry. */
export const sameFactCheck = (a: FactCheck, b: FactCheck) => content(a) === content(b);

/**
 * Collects fact-checks already parsed (`parseClaimReviews`) in one transaction: all or nothing.
 * A fact-check without a URL takes `pageUrl`; with neither it is refused, naming it, because the
 * card must be able to link to the review. `onWritten` hears how many of them are stored so far.
 */
export async function collectFactChecks(
  db: ReaderClaimsDb,
  items: readonly FactCheck[],
  ctx: ReaderContext,
  pageUrl?: string,
  onWritten?: (done: number, total: number) => void,
): Promise<CollectResult> {
  const missing = items.findIndex((f) => !f.url && !pageUrl);
  if (missing >= 0) throw new ClaimInputError(`item ${missing + 1} has no url: a fact-check needs the address of its review`);
  const at = ctx.now();
  const byId = new Map(items.map((f) => {
    const url = f.url ?? pageUrl!;
    return [factCheckId(url, f.claimReviewed), { ...f, url }] as const;
  }));
  const result: CollectResult = { added: 0, updated: 0, unchanged: items.length - byId.size, total: items.length };
  const entries = [...byId];
  await db.transaction('rw', db.factChecks, async () => {
    // A chunk at a time, within the one transaction: a long import shows how far it is, and the
    // page stays responsive while each chunk is read and written.
    for (let done = 0; done < entries.length; done += WRITE_CHUNK) {
      const chunk = entries.slice(done, done + WRITE_CHUNK);
      const stored = await db.factChecks.bulkGet(chunk.map(([id]) => id));
      const writes = chunk.flatMap(([id, f], i): CollectedFactCheck[] => {
        const old = stored[i] && fromRow(stored[i]);
        if (old && !old.deleted && sameFactCheck(old, f)) return (result.unchanged++, []);
        if (old) result.updated++;
        else result.added++;
        // Collecting again brings a deleted one back: the reader asked for it.
        return [CollectedFactCheckSchema.parse({ ...f, id, collected: old?.collected ?? at, modified: Math.max(at, (old?.modified ?? 0) + 1), deleted: false })];
      });
      await db.factChecks.bulkPut(writes.map(factCheckRow));
      onWritten?.(done + chunk.length, entries.length);
    }
  });
  return result;
}

/** Collects one fact-check sent from a page; returns it as stored. */
export async function collectFactCheck(db: ReaderClaimsDb, input: unknown, ctx: ReaderContext): Promise<CollectedFactCheck> {
  const { factCheck, pageUrl } = parseClaimInput(CollectFactCheckSchema, input, 'fact-check');
  await collectFactChecks(db, [factCheck], ctx, pageUrl);
  return getItem(factChecks(db), factCheckId(factCheck.url ?? pageUrl!, factCheck.claimReviewed));
}

const idOf = (id: unknown) => parseClaimInput(HashIdSchema, id, 'fact-check id');

/** One collected fact-check, tombstones included. */
export async function getFactCheck(db: ReaderClaimsDb, id: unknown): Promise<CollectedFactCheck> {
  return getItem(factChecks(db), idOf(id));
}

/** Deletes a collected fact-check (a tombstone, so that undo brings it back). */
export async function deleteFactCheck(db: ReaderClaimsDb, id: unknown, ctx: ReaderContext): Promise<CollectedFactCheck> {
  return editItem(factChecks(db), idOf(id), ctx, () => ({ deleted: true }));
}

/** Brings a deleted fact-check back. */
export async function undoDeleteFactCheck(db: ReaderClaimsDb, id: unknown, ctx: ReaderContext): Promise<CollectedFactCheck> {
  return editItem(factChecks(db), idOf(id), ctx, () => ({ deleted: false }));
}
