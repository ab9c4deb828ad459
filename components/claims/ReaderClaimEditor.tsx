import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { MAX_STATEMENT } from '../../lib/claims/reader-schema';
import { ClaimTypeSchema, type ClaimType } from '../../lib/claims/schema';
import { CLAIM_TYPE_LABEL } from './labels';
import { ErrorMessage } from '../common/ErrorMessage';

export type ReaderClaimEditorProps = {
  statement: string;
  type: ClaimType;
  onSave: (changes: { statement: string; type: ClaimType }) => void;
  onCancel: () => void;
  /** Why the last save failed; what was typed stays. */
  error?: string;
};

/**
 * Edits a tracked claim's statement and type. Ctrl+Enter (⌘+Enter) saves, Escape cancels; an empty
 * or over-long statement is refused beside the field, and nothing typed is lost.
 */
export function ReaderClaimEditor({ statement: initial, type: initialType, onSave, onCancel, error }: ReaderClaimEditorProps) {
  const id = useId();
  const [statement, setStatement] = useState(initial);
  const [type, setType] = useState(initialType);
  const [problem, setProblem] = useState<string>();
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const save = () => {
    const text = statement.trim();
    if (!text) return setProblem('A claim needs a statement.');
    if (text.length > MAX_STATEMENT) return setProblem(`The statement is ${text.length} characters long; the most is ${MAX_STATEMENT}.`);
    setProblem(undefined);
    onSave({ statement: text, type });
  };
  const messages = [problem, error].filter(Boolean);
  return (
    <form
      class="cc-reader-editor"
      aria-label="Edit claim"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          save();
        } else if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <label for={`${id}-statement`}>Statement</label>
      <textarea id={`${id}-statement`} ref={ref} rows={3} value={statement} aria-invalid={problem ? true : undefined} onInput={(e) => setStatement(e.currentTarget.value)} />
      <label for={`${id}-type`}>Type</label>
      <select id={`${id}-type`} value={type} onChange={(e) => setType(e.currentTarget.value as ClaimType)}>
        {ClaimTypeSchema.options.map((t) => (
          <option key={t} value={t}>
            {CLAIM_TYPE_LABEL[t]}
          </option>
        ))}
      </select>
      {messages.length > 0 && <ErrorMessage message={messages.join(' ')} />}
      <div class="cc-toolbar">
        <button type="submit">Save</button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
