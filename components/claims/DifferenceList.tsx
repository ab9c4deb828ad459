import type { Difference } from '../../lib/claims/schema';
import { asLabel } from './labels';

/** One difference as shown: what it is about, and each side's version in its own words. */
export type DifferenceItem = Pick<Difference, 'what' | 'from' | 'to'>;

export type DifferenceListProps = {
  differs: DifferenceItem[];
  /** Names the `from` side, e.g. "This claim" or "This page". */
  fromLabel: string;
  /** Names the `to` side, e.g. "Conflicting report" or "The sources". */
  toLabel: string;
};

/**
 * What two versions of a claim disagree on, side by side ("When the bombers flew: In December ↔ In
 * January"), each side labelled in words so the layout and the arrow are never the only signal.
 * Renders nothing when there is no difference to show.
 */
export function DifferenceList({ differs, fromLabel, toLabel }: DifferenceListProps) {
  if (differs.length === 0) return null;
  return (
    <ul class="cc-differs" aria-label="What differs">
      {differs.map((d, i) => (
        <li key={`${d.what}-${i}`} class="cc-differ">
          <span class="cc-differ__what">{asLabel(d.what)}</span>
          <span class="cc-differ__sides">
            <span class="cc-differ__side cc-differ__side--from">
              <span class="cc-differ__label">{fromLabel}: </span>
              <span class="cc-differ__value">{d.from}</span>
            </span>
            <span class="cc-differ__vs" aria-hidden="true">
              ↔
            </span>
            <span class="cc-differ__side cc-differ__side--to">
              <span class="cc-differ__label">{toLabel}: </span>
              <span class="cc-differ__value">{d.to}</span>
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}
