import type { Verdict } from '../../lib/factchecks/schema';

/** Icon and words for each verdict class: the colour repeats them, it never carries them alone. */
export const VERDICT_LABEL: Record<Verdict, { icon: string; text: string }> = {
  false: { icon: '✗', text: 'False' },
  misleading: { icon: '!', text: 'Misleading' },
  mixed: { icon: '±', text: 'Partly false' },
  true: { icon: '✓', text: 'True' },
  unrated: { icon: '?', text: 'Not rated' },
};

/** A fact-check's verdict class as a small labelled badge (shaped as the stance badge, coloured by verdict). */
export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const { icon, text } = VERDICT_LABEL[verdict];
  return (
    <span class={`cc-stance cc-verdict cc-verdict--${verdict}`}>
      <span class="cc-stance__icon" aria-hidden="true">
        {icon}
      </span>{' '}
      {text}
    </span>
  );
}
