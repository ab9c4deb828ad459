import type { JSX } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { MAX_STATEMENT, type TrackedClaim } from '../../lib/claims/reader-schema';
import { ClaimTypeSchema, type ClaimType } from '../../lib/claims/schema';
import { CLAIM_TYPE_HINT, CLAIM_TYPE_LABEL, formatDay } from './labels';

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

/** The reader's check of a statement before it is saved: null when it can be saved. */
export function statementProblem(statement: string): string | null {
  const text = statement.trim();
  if (!text) return 'Write the claim’s statement: it cannot be empty.';
  if (text.length > MAX_STATEMENT) return `The statement is ${text.length} characters long; the most is ${MAX_STATEMENT}.`;
  return null;
}

/**
 * A claim the reader tracks: the words it was read in (outlet, day, quote), its statement to word
 * and its type to choose (Save, or Ctrl+Enter), Delete with Undo. A failed save keeps the form as
 * typed and says why; texts are rendered as text.
 */
export function TrackedClaimEditor({ claim, onSave, onDelete, onUndoDelete, onClose, headingLevel = 1 }: TrackedClaimEditorProps) {
  const id = useId();
  const [statement, setStatement] = useState(claim.statement);
  const [type, setType] = useState<ClaimType>(claim.type);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<string>();
  const textRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => textRef.current?.focus(), []);

  const run = async (work: () => Promise<void>, done: string) => {
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
  const save = () => {
    if (busy) return;
    const problem = statementProblem(statement);
    if (problem) return setError(problem);
    void run(() => onSave({ statement: statement.trim(), type }), 'Saved.');
  };
  const onKeyDown = (e: JSX.TargetedKeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      save();
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
      {error && (
        <p role="alert" class="cc-error">
          {error}
        </p>
      )}
      {!claim.deleted && (
        <form
          aria-label="Tracked claim"
          onKeyDown={onKeyDown}
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <label for={`${id}-statement`}>Statement</label>
          <textarea
            id={`${id}-statement`}
            ref={textRef}
            rows={4}
            value={statement}
            aria-invalid={!!error}
            onInput={(e) => setStatement(e.currentTarget.value)}
          />
          <label for={`${id}-type`}>Type</label>
          <select id={`${id}-type`} value={type} onChange={(e) => setType(e.currentTarget.value as ClaimType)}>
            {ClaimTypeSchema.options.map((t) => (
              <option key={t} value={t}>
                {CLAIM_TYPE_LABEL[t]}
              </option>
            ))}
          </select>
          {CLAIM_TYPE_HINT[type] && <p class="cc-muted">{CLAIM_TYPE_HINT[type]}</p>}
          <div class="cc-tracked__actions">
            <button type="submit" disabled={busy}>
              Save
            </button>
            <button type="button" disabled={busy} onClick={() => void run(onDelete, 'Claim deleted.')}>
              Delete
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
