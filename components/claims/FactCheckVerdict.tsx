import { verdictsOf } from '../../lib/claims/factcheck-claims';
import type { ResolvedClaim } from '../../lib/claims/resolve';
import { formatDay } from './labels';
import { VerdictBadge } from './VerdictBadge';

/**
 * The card's verdict lines: for a claim fact-checkers reviewed, each verdict, who gave it and when,
 * with a link to the fact-check. Nothing for a claim no fact-checker rated.
 */
export function FactCheckVerdict({ claim }: { claim: ResolvedClaim }) {
  const verdicts = verdictsOf(claim);
  if (verdicts.length === 0) return null;
  return (
    <section class="cc-section cc-section--factchecks" aria-label="Fact-checks" data-testid="factcheck-verdicts">
      <ul class="cc-factchecks">
        {verdicts.map((v, i) => (
          <li key={i}>
            <p class="cc-factcheck__line">
              <VerdictBadge verdict={v.verdict} /> {v.statement}
              {v.published && ` (${formatDay(v.published)})`}
            </p>
            {v.url && (
              <p class="cc-factcheck__line">
                <a href={v.url} target="_blank" rel="noopener noreferrer">
                  Read the fact-check by {v.checker}
                </a>
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
