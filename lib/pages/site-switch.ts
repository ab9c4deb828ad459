import type { TabPages } from '../messaging/tab-pages';
import { callTab } from '../messaging/runtime';
import { getDisabledSites, watchDisabledSites } from '../settings/site-settings';
import { siteSwitchedRoute } from './page-routes';
import { hostnameOf } from './sender-origin';

/**
 * The per-site switch as the background holds it: the sites turned off (for the pages' first
 * question), and each change pushed to the tabs showing a page of that site, which apply it at once.
 * Returns the current list.
 */
export function followSiteSwitch(pages: TabPages): () => Promise<string[]> {
  let disabled = getDisabledSites();
  watchDisabledSites((now, before) => {
    disabled = Promise.resolve(now);
    const changed = new Set([...now, ...before].filter((host) => now.includes(host) !== before.includes(host)));
    void pages.all().then((all) => {
      for (const [tabId, page] of all) {
        const host = hostnameOf(page.url);
        if (changed.has(host)) void callTab(tabId, siteSwitchedRoute, { enabled: !now.includes(host) }).catch(() => undefined);
      }
    });
  });
  return () => disabled;
}
