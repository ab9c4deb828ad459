import { useId, useState } from 'preact/hooks';
import type { ResolvedClaim } from '../../lib/claims/resolve';
import type { ClaimMatch } from '../../lib/matcher/schema';
import { CLAIM_TYPE_LABEL, truncate } from './labels';
import { MatchSummary } from './MatchSummary';
import { SourceSections } from './SourceSections';
import { StanceBadge } from './StanceBadge';

export type ClaimRowProps = {
  claim: ResolvedClaim;
  match: ClaimMatch;
  /** Scroll to this claim's highlight and open its card. */
  onShow: () => void;
  /** Start expanded (e.g. when the popup has only one claim). */
  defaultOpen?: boolean;
};

/** How much of the page's sentence a collapsed row shows; the full sentence is in the details. */
const SENTENCE_CHARS = 140;

/**
 * One claim found on the page, for the popup: the stance (icon and words), the claim, the page's sentence, a
 * disclosure button that opens the claim's source lists, and "Show on page". The details are built
 * only when opened, so a long list stays cheap.
 */
export function ClaimRow({ claim, match, onShow, defaultOpen = false }: ClaimRowProps) {
  const [open, setOpen] = useState(defaultOpen);
  const id = useId();
  const short = truncate(match.text, SENTENCE_CHARS);
  return (
    <li class={`cc-claim-row cc-claim-row--${match.stance}`}>
      <div class="cc-claim-row__summary">
        <button
          type="button"
          class="cc-claim-row__toggle"
          aria-expanded={open}
          aria-controls={open ? `${id}-details` : undefined}
          onClick={() => setOpen(!open)}
        >
          <StanceBadge stance={match.stance} />
          <span class="cc-claim-row__claim">{claim.statement}</span>
          <span class="cc-claim-row__sentence">This page: “{short}”</span>
        </button>
        <button type="button" class="cc-claim-row__show" onClick={onShow}>
          Show on page<span class="cc-visually-hidden">: “{truncate(match.text, 60)}”</span>
        </button>
      </div>
      {open && (
        <div id={`${id}-details`} class="cc-claim-row__details">
          <p class="cc-claim-row__statement">
            <span class={`cc-type cc-type--${claim.type}`}>{CLAIM_TYPE_LABEL[claim.type]}</span>
          </p>
          {short !== match.text.replace(/\s+/g, ' ').trim() && (
            <blockquote class="cc-claim-row__full">{match.text}</blockquote>
          )}
          <MatchSummary claim={claim} match={match} hideBadge />
          <SourceSections claim={claim} headingLevel={3} />
        </div>
      )}
    </li>
  );
}
