import type { ResolvedClaim } from '../../lib/claims/resolve';
import { FACT_CHECK_VERDICT, type ClaimMatch, type MatchDifference } from '../../lib/matcher/schema';
import { asLabel, humanizeKey } from './labels';
import { StanceBadge } from './StanceBadge';

export type MatchSummaryProps = {
  /** The claim the page matched; its relations give readable names to the facts that differ. */
  claim: ResolvedClaim;
  /** How the page states the claim. */
  match: ClaimMatch;
  /** Leave out the stance badge where the surroundings already show it (a popup row). */
  hideBadge?: boolean;
};

/**
 * The database words a fact key ("bomber-date") where a relation names it; else the key made
 * readable ("Bomber date").
 */
function factLabel(claim: ResolvedClaim, key: string): string {
  const named = [...claim.conflicts, ...claim.corroborations].flatMap((r) => r.differs).find((d) => d.fact === key);
  return named ? named.what : humanizeKey(key);
}

function differenceLine(claim: ResolvedClaim, d: MatchDifference): string {
  // The matcher reports a negated statement as "denied" against "stated" (lib/matcher/match.ts).
  if (d.what === 'negation') {
    return d.found === 'denied'
      ? 'This page denies what the sources below state.'
      : 'This page states what the sources below deny.';
  }
  if (d.what === FACT_CHECK_VERDICT) return `This page states a claim a fact-checker rated false: ${d.expected}`;
  return `${asLabel(factLabel(claim, d.what))} this page says “${d.found}” where the sources below say “${d.expected}”.`;
}

/**
 * One line on how THIS page states the claim: that it agrees with the sources, or, for a
 * conflicting match, what the page says against what the sources say, fact by fact.
 */
export function MatchSummary({ claim, match, hideBadge }: MatchSummaryProps) {
  const differs = match.differs ?? [];
  return (
    <div class={`cc-match cc-match--${match.stance}`}>
      {!hideBadge && <StanceBadge stance={match.stance} />}
      {match.stance === 'corroborates' || differs.length === 0 ? (
        <p class="cc-match__line">This page states it as the sources below do.</p>
      ) : differs.length === 1 ? (
        <p class="cc-match__line">{differenceLine(claim, differs[0]!)}</p>
      ) : (
        <ul class="cc-match__lines">
          {differs.map((d, i) => (
            <li key={`${d.what}-${i}`}>{differenceLine(claim, d)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
