import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import type { ResolvedClaim } from '../../lib/claims/resolve';
import type { ClaimMatch } from '../../lib/matcher/schema';
import { FactCheckVerdict } from './FactCheckVerdict';
import { CLAIM_TYPE_HINT, CLAIM_TYPE_LABEL } from './labels';
import { MatchSummary } from './MatchSummary';
import { Sightings } from './Sightings';
import { SourceSections } from './SourceSections';

export type ClaimCardProps = {
  claim: ResolvedClaim;
  /** The page's statement of the claim, when the card opens from a highlight: adds how this page says it. */
  match?: ClaimMatch;
  /** Closes the card: the close button, and Escape anywhere inside the card. */
  onClose: () => void;
  /** The reader's notes on this claim, shown in a "Your notes" section (omit to leave the section out). */
  children?: ComponentChildren;
};

/**
 * The card beside a clicked highlight (an extension page in a small iframe): the claim and its type,
 * how this page states it, the sources that corroborate it and those that conflict, and the reader's
 * notes. The header stays put while the body scrolls.
 */
export function ClaimCard({ claim, match, onClose, children }: ClaimCardProps) {
  const id = useId();
  const hint = CLAIM_TYPE_HINT[claim.type];
  return (
    <section
      class={`cc-claim-card cc-claim-card--${claim.type}`}
      role="dialog"
      aria-labelledby={`${id}-title`}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <header class="cc-claim-card__header">
        <p class="cc-claim-card__type">
          <span class={`cc-type cc-type--${claim.type}`}>{CLAIM_TYPE_LABEL[claim.type]}</span>
          {hint && <span class="cc-type__hint"> {hint}</span>}
        </p>
        <h1 id={`${id}-title`} class="cc-claim-card__title">
          {claim.statement}
        </h1>
        <button type="button" class="cc-close" aria-label="Close claim card" title="Close (Esc)" onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      <div class="cc-claim-card__body">
        <FactCheckVerdict claim={claim} />
        {match && <MatchSummary claim={claim} match={match} />}
        <SourceSections claim={claim} headingLevel={2} />
        <Sightings claimId={claim.id} />
        {children !== undefined && (
          <section class="cc-section cc-section--notes" aria-labelledby={`${id}-notes`}>
            <h2 id={`${id}-notes`} class="cc-section__title">
              Your notes
            </h2>
            {children}
          </section>
        )}
      </div>
    </section>
  );
}
