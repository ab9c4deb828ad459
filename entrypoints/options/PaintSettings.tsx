import { PAINT_MODE_LABEL, PaintModeRadios } from '@/components/claims/PaintModeChoice';
import { usePaintSettings } from '@/components/claims/usePaintSettings';
import { setDefaultPaintMode, setSitePaintMode } from '@/lib/settings/paint-settings';

/** How much Crosscheck paints on pages: the default, and the sites the reader gave their own (set in the popup). */
export function PaintSettings() {
  const settings = usePaintSettings();
  if (!settings) return null;
  const sites = Object.entries(settings.sites).sort(([a], [b]) => a.localeCompare(b));
  return (
    <div class="cc-paint-settings">
      <PaintModeRadios value={settings.mode} onChange={(mode) => void setDefaultPaintMode(mode)} />
      {sites.length > 0 && (
        <>
          <p>Sites with their own setting (change it from the toolbar button on the site):</p>
          <ul>
            {sites.map(([host, mode]) => (
              <li key={host}>
                {host}: {PAINT_MODE_LABEL[mode].toLowerCase()}{' '}
                <button type="button" onClick={() => void setSitePaintMode(host, null)}>
                  Use the default
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
