import type { Verdict } from '../factchecks/schema';
import { VERDICTS, verdictOfRating } from '../factchecks/verdict';
import type { ClaimDatabaseBuilder } from './database-builder';
import { readerIds } from './reader-ids';
import type { CollectedFactCheck } from './reader-schema';
import type { ResolvedClaim } from './resolve';
import type { ClaimDatabase } from './schema';

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
  const verdictId = builder.claim({ id: `${id}-rated-${fc.verdict}`, statement, type: 'reported-fact', entities: [checker], facts: [] });
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

type RatedVerdict = Exclude<Verdict, 'unrated'>;
const RATED = new Set<string>(VERDICTS.filter((v) => v !== 'unrated'));
const FACT_CHECK_PREFIX = readerIds.factCheck('');

/** The class of a verdict claim this module made, from its id; null for any other claim. */
function ratedClass(claimId: string): RatedVerdict | null {
  if (!claimId.startsWith(FACT_CHECK_PREFIX)) return null;
  const rated = /-rated-([a-z]+)$/.exec(claimId)?.[1];
  return rated && RATED.has(rated) ? (rated as RatedVerdict) : null;
}

/** A fact-checker's verdict on a claim, as the card shows it. */
export interface ClaimVerdict {
  verdict: RatedVerdict;
  /** "PolitiFact rated this claim “Pants on Fire!”." */
  statement: string;
  checker: string;
  /** The review's page, and the day it was published (null when not given). */
  url: string | null;
  published: string | null;
}

/** The fact-checkers' verdicts on a resolved claim (those rated: an unrated review has none), worst first. */
export function verdictsOf(claim: ResolvedClaim): ClaimVerdict[] {
  const out = [...claim.conflicts, ...claim.corroborations].flatMap((r): ClaimVerdict[] => {
    const verdict = ratedClass(r.claim.id);
    const said = r.assertions[0];
    if (!verdict || !said || !r.relationId.startsWith(FACT_CHECK_PREFIX)) return [];
    return [{ verdict, statement: r.claim.statement, checker: said.source.name, url: said.article.url, published: said.article.published }];
  });
  return out.sort((a, b) => VERDICTS.indexOf(a.verdict) - VERDICTS.indexOf(b.verdict));
}

/**
 * The claims a fact-checker rated false, each with its verdict's statement: the matcher paints a
 * page stating one of them as a conflict (misleading and mixed ones only show on the card).
 */
export function falseVerdicts(db: ClaimDatabase): Map<string, string> {
  const statements = new Map(db.claims.filter((c) => ratedClass(c.id) === 'false').map((c) => [c.id, c.statement]));
  const out = new Map<string, string>();
  for (const r of db.relations) {
    const statement = r.kind === 'conflicts' ? statements.get(r.to) : undefined;
    if (statement && !out.has(r.from)) out.set(r.from, statement);
  }
  return out;
}
