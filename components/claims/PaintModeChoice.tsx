import { useId } from 'preact/hooks';
import type { PaintMode } from '../../lib/settings/paint-settings';

/** What each painting mode is called on screen. */
export const PAINT_MODE_LABEL: Record<PaintMode, string> = {
  all: 'Every claim',
  conflicts: 'Conflicts only',
  none: 'Nothing on the page',
};

const MODES = Object.keys(PAINT_MODE_LABEL) as PaintMode[];

/** Why a reader would choose "nothing": said once, where each choice is made. */
const NONE_HINT = 'With nothing on the page, the toolbar button still counts the claims and its popup lists them.';

export type PaintModeRadiosProps = { value: PaintMode; onChange: (mode: PaintMode) => void };

/**
 * The reader's default painting mode, as a group of radio buttons under one legend (arrow keys
 * move between them).
 */
export function PaintModeRadios({ value, onChange }: PaintModeRadiosProps) {
  const name = useId();
  return (
    <fieldset class="cc-paint-modes">
      <legend>Highlight on pages</legend>
      {MODES.map((mode) => (
        <label key={mode} class="cc-paint-modes__choice">
          <input type="radio" name={name} value={mode} checked={value === mode} onChange={() => onChange(mode)} /> {PAINT_MODE_LABEL[mode]}
        </label>
      ))}
      <p class="cc-muted">{NONE_HINT}</p>
    </fieldset>
  );
}

export type SitePaintModeProps = {
  /** The active tab's host, as the reader knows it. */
  hostname: string;
  /** The site's own mode, or null when it follows the default. */
  value: PaintMode | null;
  /** The reader's default, named in the "follow it" choice. */
  fallback: PaintMode;
  onChange: (mode: PaintMode | null) => void;
};

/** A site's own painting mode, or the default: a labelled select. */
export function SitePaintMode({ hostname, value, fallback, onChange }: SitePaintModeProps) {
  const id = useId();
  return (
    <div class="cc-site-paint">
      <label for={id}>
        Highlight on <strong>{hostname}</strong>
      </label>{' '}
      <select
        id={id}
        aria-describedby={value === 'none' ? `${id}-none` : undefined}
        value={value ?? ''}
        onChange={(event) => onChange(((event.currentTarget as HTMLSelectElement).value || null) as PaintMode | null)}
      >
        <option value="">As set for every site ({PAINT_MODE_LABEL[fallback].toLowerCase()})</option>
        {MODES.map((mode) => (
          <option key={mode} value={mode}>
            {PAINT_MODE_LABEL[mode]}
          </option>
        ))}
      </select>
      {value === 'none' && (
        <p id={`${id}-none`} class="cc-muted">
          {NONE_HINT}
        </p>
      )}
    </div>
  );
}
