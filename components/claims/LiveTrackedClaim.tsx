import { readerClaimsDb } from '../../lib/claims/reader-db';
import { deleteTrackedClaim, editTrackedClaim, getTrackedClaim, undoDeleteTrackedClaim } from '../../lib/claims/reader-store';
import { useLiveQuery } from '../notes/useLiveQuery';
import { TrackedClaimEditor } from './TrackedClaimEditor';
import { ErrorMessage } from '../common/ErrorMessage';

export type LiveTrackedClaimProps = {
  /** The tracked claim's id in the reader's store (a UUID). */
  id: string;
  onClose: () => void;
  /** The editor's heading level: 1 alone in the panel, 3 inside a claim card. */
  headingLevel?: 1 | 3;
};

const ctx = { now: Date.now };

/**
 * A tracked claim's editor over the reader's store, read live (for extension pages, which write
 * there themselves; the background picks the change up and repaints the tabs).
 */
export function LiveTrackedClaim({ id, onClose, headingLevel = 1 }: LiveTrackedClaimProps) {
  const claim = useLiveQuery(() => getTrackedClaim(readerClaimsDb(), id), [id]);
  if (claim.status === 'loading') return <p class="cc-muted">Opening the claim…</p>;
  if (claim.status === 'error') return <ErrorMessage message={claim.message} />;
  const db = readerClaimsDb();
  return (
    <TrackedClaimEditor
      key={claim.value.id}
      claim={claim.value}
      headingLevel={headingLevel}
      onSave={async (changes) => void (await editTrackedClaim(db, { id, ...changes }, ctx))}
      onDelete={async () => void (await deleteTrackedClaim(db, id, ctx))}
      onUndoDelete={async () => void (await undoDeleteTrackedClaim(db, id, ctx))}
      onClose={onClose}
    />
  );
}
