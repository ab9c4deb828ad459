import { LiveTrackedClaim } from '@/components/claims/LiveTrackedClaim';
import type { TrackedPanelStateSchema } from '@/lib/annotator/panel-state';
import type * as z from 'zod/mini';
import { ErrorMessage } from '@/components/common/ErrorMessage';

export type TrackedPanelProps = { state: z.infer<typeof TrackedPanelStateSchema>; onClose: () => void };

/** The panel's "tracked" mode: the claim the reader just tracked, to word and type, or why it could not be tracked. */
export function TrackedPanel({ state, onClose }: TrackedPanelProps) {
  if (state.claimId) return <LiveTrackedClaim id={state.claimId} onClose={onClose} />;
  return <ErrorMessage message={state.error ?? 'This panel was opened without a claim to show.'} />;
}
