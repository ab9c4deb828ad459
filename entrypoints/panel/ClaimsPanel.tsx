import { useEffect } from 'preact/hooks';
import { ClaimCard } from '@/components/claims/ClaimCard';
import { useClaims } from '@/components/claims/useClaims';
import type { ClaimMatch } from '@/lib/matcher/schema';
import { ClaimNotes } from './NotePanel';
import { ErrorMessage } from '@/components/common/ErrorMessage';

export type ClaimsPanelProps = { claims: ClaimMatch[]; onClose: () => void };

/** The claim card for each claim under the opened highlight (usually one), with the reader's notes on it. */
export function ClaimsPanel({ claims, onClose }: ClaimsPanelProps) {
  const shown = claims.filter((c, i) => claims.findIndex((o) => o.claimId === c.claimId) === i);
  const known = useClaims(shown.map((c) => c.claimId));
  // Focus the card once it is there, so a screen reader announces it and Tab starts inside it.
  useEffect(() => document.querySelector<HTMLElement>('.cc-claim-card')?.focus({ preventScroll: true }), [known !== null]);
  if (!known) return <p class="cc-muted" role="status">Reading the claim…</p>;
  return (
    <>
      {known.error && <ErrorMessage message={known.error} announce={false} />}
      {shown.map((pageClaim) => {
        const claim = known.claims.get(pageClaim.claimId);
        if (!claim) return <ErrorMessage message={`Crosscheck does not know the claim “${pageClaim.claimId}”.`} announce={false} />;
        return (
          <ClaimCard key={claim.id} claim={claim} match={pageClaim} onClose={onClose}>
            <ClaimNotes claimId={claim.id} />
          </ClaimCard>
        );
      })}
    </>
  );
}
