import { useState } from 'preact/hooks';
import type { Sighting, SightingJudgement, Stance } from '../../lib/claims/reader-schema';
import { DifferencesEditor } from './DifferencesEditor';
import { formatDay, humanizeKey } from './labels';
import { ErrorMessage } from '../common/ErrorMessage';

export type SightingItemProps = {
  sighting: Sighting;
  /** Stores the reader's judgement; rejects with a reason (shown, nothing typed is lost). */
  onJudge: (judgement: Omit<SightingJudgement, 'id'>) => Promise<void>;
  /** Removes the sighting (the page does not state this claim); the list offers Undo. */
  onRemove: () => Promise<void>;
};

const STANCE_LABEL: Record<Stance, string> = { agrees: 'Agrees', conflicts: 'Conflicts', unknown: 'Not judged yet' };

const seenDay = (ms: number) => formatDay(new Date(ms).toISOString().slice(0, 10));

/**
 * One place the reader saw a tracked claim: the outlet (a link to the page), its date, the page's
 * own words, and whether it agrees or conflicts, with what differs. Crosscheck's reading is marked
 * as a proposal until the reader confirms it with the Agrees / Conflicts buttons. Text as text.
 */
export function SightingItem({ sighting, onJudge, onRemove }: SightingItemProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const { page, stance, differs, by } = sighting;
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (e) {
      setError(`Could not save: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };
  const judge = (judgement: Omit<SightingJudgement, 'id'>) => run(() => onJudge(judgement));
  const whose = stance === 'unknown' ? '' : by === 'reader' ? ' (marked by you)' : ' (Crosscheck’s reading: confirm or change it)';
  return (
    <li class={`cc-sighting cc-sighting--${stance}`}>
      <p class="cc-sighting__source">
        <a href={page.url} target="_blank" rel="noopener noreferrer">
          {page.outlet}
        </a>
        {' · '}
        {page.published ? formatDay(page.published) : 'date not given'}
        <span class="cc-muted"> · seen {seenDay(sighting.created)}</span>
      </p>
      <blockquote class="cc-sighting__quote">{sighting.quote.exact}</blockquote>
      <p class="cc-sighting__stance">
        <strong>{STANCE_LABEL[stance]}</strong>
        {whose}
      </p>
      {stance === 'conflicts' && differs.length > 0 && (
        <ul class="cc-sighting__differs" aria-label="What differs">
          {differs.map((d, i) => (
            <li key={i}>
              {humanizeKey(d.what)}: the claim has “{d.from}”, this page “{d.to}”
            </li>
          ))}
        </ul>
      )}
      <div role="group" aria-label={`How ${page.outlet} states the claim`} class="cc-sighting__judge">
        <button type="button" aria-pressed={stance === 'agrees' && by === 'reader'} disabled={busy} onClick={() => void judge({ stance: 'agrees', differs: [], by: 'reader' })}>
          Agrees
        </button>
        <button
          type="button"
          aria-pressed={stance === 'conflicts' && by === 'reader'}
          disabled={busy}
          onClick={() => void judge({ stance: 'conflicts', differs: stance === 'conflicts' ? differs : [], by: 'reader' })}
        >
          Conflicts
        </button>
        <button type="button" disabled={busy} onClick={() => void run(onRemove)}>
          Not this claim
        </button>
      </div>
      {error && <ErrorMessage message={error} />}
      {stance === 'conflicts' && (
        <details class="cc-sighting__edit" open={differs.length === 0}>
          <summary>Say what differs</summary>
          <DifferencesEditor key={sighting.modified} initial={differs} busy={busy} onSave={(d) => void judge({ stance: 'conflicts', differs: d, by: 'reader' })} />
        </details>
      )}
    </li>
  );
}
