import { useId, useState } from 'preact/hooks';
import type { TrackedClaim } from '../../lib/claims/reader-schema';
import type { ClaimType } from '../../lib/claims/schema';
import { formatDay } from './labels';
import { ReaderClaimEditor } from './ReaderClaimEditor';
import { ErrorMessage } from '../common/ErrorMessage';

export type TrackedClaimEditorProps = {
  claim: TrackedClaim;
  /** Saves the statement and the type; rejects with a reason, and the form keeps what was typed. */
  onSave: (changes: { statement: string; type: ClaimType }) => Promise<void>;
  onDelete: () => Promise<void>;
  onUndoDelete: () => Promise<void>;
  onClose: () => void;
  /** 1 alone in the panel, 3 inside a claim card. */
  headingLevel?: 1 | 3;
};

/**
 * A claim the reader tracks: the words it was read in (outlet, day, quote), its statement to word
 * and its type to choose (the options page's ReaderClaimEditor: Save or Ctrl+Enter, Escape or
 * Cancel closes), Delete with Undo. A failed save keeps the form as typed and says why; texts are
 * rendered as text.
 */
export function TrackedClaimEditor({ claim, onSave, onDelete, onUndoDelete, onClose, headingLevel = 1 }: TrackedClaimEditorProps) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<string>();

  const run = async (work: () => Promise<void>, done: string) => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    setStatus(undefined);
    try {
      await work();
      setStatus(done);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const { page } = claim;
  const Heading = `h${headingLevel}` as 'h1';
  const alone = headingLevel === 1; // the panel's one content, rather than a part of a card
  const from = [page.outlet, page.published && formatDay(page.published)].filter(Boolean).join(' · ');

  return (
    <section class="cc-tracked" aria-labelledby={`${id}-title`}>
      <div class="cc-panel__bar">
        <Heading id={`${id}-title`}>Tracked claim</Heading>
        <button type="button" class="cc-close" aria-label={alone ? 'Close' : 'Close the editor'} title={alone ? 'Close (Esc)' : 'Close'} onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <p class="cc-muted">{from}</p>
      <blockquote class="cc-tracked__quote">{claim.quote.exact}</blockquote>
      <div role="status">
        {claim.deleted && (
          <p class="cc-undo">
            Claim deleted.{' '}
            <button type="button" disabled={busy} onClick={() => void run(onUndoDelete, 'Claim restored.')}>
              Undo
            </button>
          </p>
        )}
        {status && !claim.deleted && <p>{status}</p>}
      </div>
      {claim.deleted && error && <ErrorMessage message={error} />}
      {!claim.deleted && (
        <>
          <ReaderClaimEditor
            statement={claim.statement}
            type={claim.type}
            error={error}
            onSave={(changes) => void run(() => onSave(changes), 'Saved.')}
            onCancel={onClose}
          />
          <button type="button" class="cc-tracked__delete" disabled={busy} onClick={() => void run(onDelete, 'Claim deleted.')}>
            Delete
          </button>
        </>
      )}
    </section>
  );
}
