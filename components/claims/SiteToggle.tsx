import { useId } from 'preact/hooks';

export type SiteToggleProps = {
  /** The active tab's host, as the reader knows it ("www.example.com"). */
  hostname: string;
  /** Whether Crosscheck runs on this site. */
  enabled: boolean;
  /** Called with the new state; the caller stores it and applies it to the tab. */
  onChange: (enabled: boolean) => void;
  /** While the setting is loading or cannot apply (e.g. a browser page). */
  disabled?: boolean;
};

/**
 * The per-site switch: "Crosscheck on <hostname>", a real switch (role="switch", aria-checked) that a
 * click, Enter or Space flips. The state is also spelled out ("On"/"Off"), and when off a short line
 * says what that means.
 */
export function SiteToggle({ hostname, enabled, onChange, disabled = false }: SiteToggleProps) {
  const id = useId();
  return (
    <div class={`cc-site-toggle${enabled ? '' : ' cc-site-toggle--off'}`}>
      <div class="cc-site-toggle__row">
        <label id={`${id}-label`} for={`${id}-switch`} class="cc-site-toggle__label">
          Crosscheck on <strong>{hostname}</strong>
        </label>
        <span class="cc-site-toggle__state" aria-hidden="true">
          {enabled ? 'On' : 'Off'}
        </span>
        <button
          type="button"
          id={`${id}-switch`}
          class="cc-site-toggle__switch"
          role="switch"
          aria-checked={enabled}
          aria-labelledby={`${id}-label`}
          aria-describedby={enabled ? undefined : `${id}-off`}
          disabled={disabled}
          onClick={() => onChange(!enabled)}
        >
          <span class="cc-site-toggle__knob" aria-hidden="true" />
        </button>
      </div>
      {!enabled && (
        <p id={`${id}-off`} class="cc-site-toggle__off">
          Crosscheck is off on {hostname}: it does not read this site’s pages or highlight claims on them. Turn
          it back on here at any time.
        </p>
      )}
    </div>
  );
}
