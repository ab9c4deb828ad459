import type { TabPages } from '../messaging/tab-pages';
import { callTab } from '../messaging/runtime';
import { getPaintSettings, paintModeFor, watchPaintSettings, type PaintMode } from '../settings/paint-settings';
import { paintModeRoute } from './paint-content-routes';
import { hostnameOf } from './sender-origin';

/**
 * The painting modes as the background holds them: the mode of a page's site (for the page's
 * first question), and each change pushed to the tabs whose site's mode it changed, which repaint
 * at once. Returns the function that gives a URL's mode.
 */
export function followPaintModes(pages: TabPages): (url: string) => Promise<PaintMode> {
  let settings = getPaintSettings();
  watchPaintSettings((now, before) => {
    settings = Promise.resolve(now);
    void pages.all().then((all) => {
      for (const [tabId, page] of all) {
        const host = hostnameOf(page.url);
        const mode = paintModeFor(now, host);
        if (mode !== paintModeFor(before, host)) void callTab(tabId, paintModeRoute, { mode }).catch(() => undefined);
      }
    });
  });
  return async (url) => paintModeFor(await settings, hostnameOf(url));
}
