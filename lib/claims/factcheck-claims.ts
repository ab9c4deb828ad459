import type { Verdict } from '../factchecks/schema';
import { verdictOfRating } from '../factchecks/verdict';
import type { ClaimDatabaseBuilder } from './database-builder';
import { readerIds } from './reader-ids';
import type { CollectedFactCheck } from './reader-schema';

/**
 * A collected fact-check in the claim database's terms, so the card can show it with no new shape:
 *
 * - the claim reviewed is a claim (an allegation), stated by the claimant, as the fact-checker's
 *   page reports it (attribution: fact-checker → claimant). Reviews of the same statement share
 *   the claim, so a claim checked twice shows both reviews.
 * - the verdict is a claim of its own, stated by the fact-checker: "PolitiFact rated this claim
 *   “Pants on Fire!”.", with a link to the review.
 * - a relation joins them: `conflicts` for false, misleading and mixed verdicts (the card lists the
 *   fact-checker among those who report it differently, and says the verdict in `differs`),
 *   `corroborates` for true ones. An unrated review (Unproven, Satire, no rating) gets no verdict
 *   claim: the card still shows the review through the claim's assertion.
 */

const VERDICT_NAME: Record<Exclude<Verdict, 'unrated'>, string> = {
  false: 'Rated false',
  misleading: 'Rated misleading',
  mixed: 'Rated partly false',
  true: 'Rated true',
};

/** The fact-checker's name, else the review's host. */
function checkerName(fc: CollectedFactCheck): string {
  return fc.factChecker.name ?? new URL(fc.url).hostname.replace(/^www\./, '');
}

/** The deciding rating in the fact-checker's words, else its number on its scale, else our class name. */
function verdictWords(fc: CollectedFactCheck, verdict: Exclude<Verdict, 'unrated'>): string {
  const rating = fc.ratings.find((r) => verdictOfRating(r) === verdict);
  if (rating?.label) return rating.label;
  if (rating?.value != null && rating.best !== null && rating.worst !== null) return `${rating.value} on a scale from ${rating.worst} to ${rating.best}`;
  return VERDICT_NAME[verdict];
}

/** Adds one collected fact-check to the database being built. */
export function addFactCheck(builder: ClaimDatabaseBuilder, fc: CollectedFactCheck): void {
  const checker = checkerName(fc);
  const title = `Fact-check: ${fc.claimReviewed}`;
  const page = { url: fc.url, outlet: checker, title, author: null, published: fc.datePublished };
  const pageId = builder.page(page, 'fact-checker', 'fact-check');
  const claimId = builder.claim({ id: readerIds.reviewedClaim(fc.claimReviewed), statement: fc.claimReviewed, type: 'allegation', entities: [], facts: [] });
  const id = readerIds.factCheck(fc.id);
  const claimant = fc.claimant;
  const sourceId = builder.source({
    id: `${id}-claimant`,
    name: claimant?.name ?? 'Unnamed claimant',
    kind: 'claimant',
    url: claimant?.url ?? null,
    author: null,
    date: fc.claimDate,
  });
  builder.state({ id, claimId, pageId, sourceId, quote: fc.claimReviewed, attributionText: `Reviewed by ${checker}` });

  if (fc.verdict === 'unrated') return;
  const words = verdictWords(fc, fc.verdict);
  const statement = `${checker} rated this claim “${words}”.`;
  const verdictId = builder.claim({ id: `${id}-verdict`, statement, type: 'reported-fact', entities: [checker], facts: [] });
  builder.state({ id: verdictId, claimId: verdictId, pageId, quote: statement, attributionText: `${checker}’s verdict` });
  const corroborates = fc.verdict === 'true';
  builder.relate({
    id,
    kind: corroborates ? 'corroborates' : 'conflicts',
    from: claimId,
    to: verdictId,
    differs: corroborates ? [] : [{ aspect: 'detail', what: 'fact-check verdict', from: 'as claimed', to: `${VERDICT_NAME[fc.verdict]}: “${words}”` }],
    note: `Fact-checked by ${checker}${fc.datePublished ? ` on ${fc.datePublished}` : ''}.`,
  });
}
