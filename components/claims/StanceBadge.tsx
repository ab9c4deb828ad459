import type { ClaimMatch } from '../../lib/matcher/schema';

export type StanceBadgeProps = {
  stance: ClaimMatch['stance'];
};

/** Icon and words for each stance: the colour repeats them, it never carries them alone. */
const STANCE = {
  corroborates: { icon: '✓', text: 'Agrees with sources' },
  conflicts: { icon: '≠', text: 'Conflicts with sources' },
} as const;

/** How the page states a claim, as a small labelled badge (icon + text + stance colour). */
export function StanceBadge({ stance }: StanceBadgeProps) {
  const { icon, text } = STANCE[stance];
  return (
    <span class={`cc-stance cc-stance--${stance}`}>
      <span class="cc-stance__icon" aria-hidden="true">
        {icon}
      </span>{' '}
      {text}
    </span>
  );
}
