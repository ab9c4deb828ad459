import { useId, useState } from 'preact/hooks';
import type { Difference } from '../../lib/claims/schema';
import { ErrorMessage } from '../common/ErrorMessage';

export type DifferencesEditorProps = {
  /** What differs now (Crosscheck's proposal, or the reader's last word). */
  initial: readonly Difference[];
  busy: boolean;
  onSave: (differs: Difference[]) => void;
};

type Row = { aspect: Difference['aspect']; what: string; from: string; to: string; fact?: string };

const MAX_ROWS = 20;
const blank = (): Row => ({ aspect: 'detail', what: '', from: '', to: '' });

/** The rows the reader filled in as differences; an error naming the first half-filled row. */
export function rowsToDifferences(rows: readonly Row[]): { differs: Difference[]; error?: string } {
  const filled = rows.map((r) => ({ ...r, what: r.what.trim(), from: r.from.trim(), to: r.to.trim() })).filter((r) => r.what || r.from || r.to);
  const half = filled.findIndex((r) => !r.what || !r.from || !r.to);
  if (half >= 0) return { differs: [], error: `Difference ${half + 1}: say what differs, how the claim has it and how this page has it.` };
  // The reader's words, not a fact of the claim's: the proposal's fact key is not kept.
  return { differs: filled.map(({ fact: _fact, ...d }) => d) };
}

/**
 * What differs between the tracked claim and a page that conflicts with it: one row per detail
 * (what, the claim's version, the page's), proposed by Crosscheck from the facts it read and
 * edited by the reader. Plain inputs, so every part is reachable from the keyboard.
 */
export function DifferencesEditor({ initial, busy, onSave }: DifferencesEditorProps) {
  const id = useId();
  const [rows, setRows] = useState<Row[]>(initial.length > 0 ? initial.map((d) => ({ ...d })) : [blank()]);
  const [error, setError] = useState<string>();
  const set = (i: number, field: 'what' | 'from' | 'to', value: string) =>
    setRows((old) => old.map((r, j) => (j === i ? { ...r, [field]: value, aspect: field === 'what' ? 'detail' : r.aspect } : r)));
  const save = () => {
    const result = rowsToDifferences(rows);
    setError(result.error);
    if (!result.error) onSave(result.differs);
  };
  return (
    <fieldset class="cc-differs-editor">
      <legend>What differs</legend>
      {rows.map((row, i) => (
        <div class="cc-differs-editor__row" key={i} role="group" aria-label={`Difference ${i + 1}`}>
          <label for={`${id}-${i}-what`}>What</label>
          <input id={`${id}-${i}-what`} value={row.what} maxLength={200} onInput={(e) => set(i, 'what', e.currentTarget.value)} />
          <label for={`${id}-${i}-from`}>The claim has</label>
          <input id={`${id}-${i}-from`} value={row.from} maxLength={1000} onInput={(e) => set(i, 'from', e.currentTarget.value)} />
          <label for={`${id}-${i}-to`}>This page has</label>
          <input id={`${id}-${i}-to`} value={row.to} maxLength={1000} onInput={(e) => set(i, 'to', e.currentTarget.value)} />
          <button type="button" disabled={busy} onClick={() => setRows((old) => old.filter((_, j) => j !== i))}>
            Remove difference {i + 1}
          </button>
        </div>
      ))}
      {error && <ErrorMessage message={error} />}
      <button type="button" disabled={busy || rows.length >= MAX_ROWS} onClick={() => setRows((old) => [...old, blank()])}>
        Add a difference
      </button>{' '}
      <button type="button" disabled={busy} onClick={save}>
        Save what differs
      </button>
    </fieldset>
  );
}
