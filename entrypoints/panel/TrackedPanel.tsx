import { TrackedClaimEditor } from '@/components/claims/TrackedClaimEditor';
import { useLiveQuery } from '@/components/notes/useLiveQuery';
import type { TrackedPanelStateSchema } from '@/lib/annotator/panel-state';
import { readerClaimsDb } from '@/lib/claims/reader-db';
import { deleteTrackedClaim, editTrackedClaim, getTrackedClaim, undoDeleteTrackedClaim } from '@/lib/claims/reader-store';
import type * as z from 'zod/mini';

export type TrackedPanelProps = { state: z.infer<typeof TrackedPanelStateSchema>; onClose: () => void };

const ctx = { now: Date.now };

/**
 * The panel's "tracked" mode: the claim the reader just tracked, read live from the reader's store
 * (an extension page, so it writes there itself; the background picks the change up), or why it
 * could not be tracked.
 */
export function TrackedPanel({ state, onClose }: TrackedPanelProps) {
  const id = state.claimId;
  const claim = useLiveQuery(() => (id ? getTrackedClaim(readerClaimsDb(), id) : Promise.reject(new Error(state.error ?? 'No claim to show.'))), [id]);
  if (claim.status === 'loading') return <p class="cc-muted">Opening the claim…</p>;
  if (claim.status === 'error') {
    return (
      <p role="alert" class="cc-error">
        {claim.message}
      </p>
    );
  }
  const db = readerClaimsDb();
  return (
    <TrackedClaimEditor
      key={claim.value.id}
      claim={claim.value}
      onSave={async (changes) => void (await editTrackedClaim(db, { id: claim.value.id, ...changes }, ctx))}
      onDelete={async () => void (await deleteTrackedClaim(db, claim.value.id, ctx))}
      onUndoDelete={async () => void (await undoDeleteTrackedClaim(db, claim.value.id, ctx))}
      onClose={onClose}
    />
  );
}
