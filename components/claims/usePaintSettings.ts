import { useEffect, useState } from 'preact/hooks';
import { getPaintSettings, watchPaintSettings, type PaintSettings } from '../../lib/settings/paint-settings';

/** The reader's painting settings, kept current as they change anywhere (null while loading). */
export function usePaintSettings(): PaintSettings | null {
  const [settings, setSettings] = useState<PaintSettings | null>(null);
  useEffect(() => {
    const stop = watchPaintSettings((now) => setSettings(now));
    void getPaintSettings().then(setSettings);
    return stop;
  }, []);
  return settings;
}
