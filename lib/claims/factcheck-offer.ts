import { describeProblem, parseClaimReviews } from '../factchecks/parse';
import type { FactCheck } from '../factchecks/schema';
import { fromRow, type ReaderClaimsDb } from './reader-db';
import { collectFactChecks, sameFactCheck, type CollectResult } from './reader-factchecks';
import { factCheckId } from './reader-ids';
import type { ReaderContext } from './reader-rows';

/**
 * The popup's *Add this fact-check*: what a page's ClaimReview markup offers the reader, each
 * review read with `parseClaimReviews` (the page's JSON is untrusted) and compared with the
 * reader's store, so that one already collected is shown as such and a revised verdict as a change.
 */

/** Whether a review on the page is new to the reader, collected already as it is, or collected in another version. */
export type OfferStatus = 'new' | 'added' | 'changed';

/** One review the page offers: the fact-check (its URL the page's when it gives none) and its status. */
export interface OfferedFactCheck {
  id: string;
  factCheck: FactCheck & { url: string };
  status: OfferStatus;
}

/** What the page offers, and why any of its reviews could not be read (each named by its place). */
export interface FactCheckOffer {
  items: OfferedFactCheck[];
  problems: string[];
}

/**
 * Reads the ClaimReview nodes a page sent (`pageClaimReviewsRoute`) against the store. `pageUrl`,
 * the page's canonical URL, stands for the review's address when a review gives none; a review
 * with neither cannot be linked to and is a problem.
 */
export async function offerFactChecks(db: ReaderClaimsDb, reviews: unknown, pageUrl: string | null): Promise<FactCheckOffer> {
  const parsed = parseClaimReviews(reviews);
  const problems = parsed.problems.map(describeProblem);
  const readable = parsed.items.flatMap((f) => {
    const url = f.url ?? pageUrl;
    if (url === null) return (problems.push(`“${f.claimReviewed.slice(0, 80)}”: no url, and the page has none to stand for it`), []);
    return [{ id: factCheckId(url, f.claimReviewed), factCheck: { ...f, url } }];
  });
  // The same review twice on a page is offered once.
  const unique = [...new Map(readable.map((r) => [r.id, r])).values()];
  const stored = await db.factChecks.bulkGet(unique.map((r) => r.id));
  const items = unique.map((r, i): OfferedFactCheck => {
    const old = stored[i] && fromRow(stored[i]);
    const status = !old || old.deleted ? 'new' : sameFactCheck(old, r.factCheck) ? 'added' : 'changed';
    return { ...r, status };
  });
  return { items, problems };
}

/** Collects the offered reviews that are new or changed, in one transaction (all or nothing). */
export async function addOfferedFactChecks(db: ReaderClaimsDb, offer: readonly OfferedFactCheck[], ctx: ReaderContext): Promise<CollectResult> {
  return collectFactChecks(db, offer.filter((o) => o.status !== 'added').map((o) => o.factCheck), ctx);
}
