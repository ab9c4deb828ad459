import { SitePaintMode } from '@/components/claims/PaintModeChoice';
import { usePaintSettings } from '@/components/claims/usePaintSettings';
import { setSitePaintMode } from '@/lib/settings/paint-settings';

/** How much Crosscheck paints on the tab's site: its own mode, or the default. Open tabs apply it at once. */
export function SitePaintSection({ hostname }: { hostname: string }) {
  const settings = usePaintSettings();
  if (!settings) return null;
  return (
    <SitePaintMode
      hostname={hostname}
      value={settings.sites[hostname.toLowerCase()] ?? null}
      fallback={settings.mode}
      onChange={(mode) => void setSitePaintMode(hostname, mode)}
    />
  );
}
