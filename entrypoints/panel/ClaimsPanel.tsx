import { useEffect } from 'preact/hooks';
import { ClaimCard } from '@/components/claims/ClaimCard';
import { getBundledClaims } from '@/lib/claims/bundled';
import type { ClaimMatch } from '@/lib/matcher/schema';
import { ClaimNotes } from './NotePanel';

export type ClaimsPanelProps = { claims: ClaimMatch[]; onClose: () => void };

/** The claim card for each claim under the opened highlight (usually one), with the reader's notes on it. */
export function ClaimsPanel({ claims, onClose }: ClaimsPanelProps) {
  const resolved = getBundledClaims();
  const shown = claims.filter((c, i) => claims.findIndex((o) => o.claimId === c.claimId) === i);
  // Focus the card, so a screen reader announces it and Tab starts inside it.
  useEffect(() => document.querySelector<HTMLElement>('.cc-claim-card')?.focus({ preventScroll: true }), []);
  return (
    <>
      {shown.map((pageClaim) => {
        const claim = resolved.get(pageClaim.claimId);
        if (!claim) return <p class="cc-error">Crosscheck does not know the claim “{pageClaim.claimId}”.</p>;
        return (
          <ClaimCard key={claim.id} claim={claim} match={pageClaim} onClose={onClose}>
            <ClaimNotes claimId={claim.id} />
          </ClaimCard>
        );
      })}
    </>
  );
}
