import { defineUnlistedScript } from '#imports';
import { browser } from 'wxt/browser';
import { importUi } from '@/lib/annotator/lazy-ui';
import { startPage, whenDomComplete } from '@/lib/annotator/page-start';
import { send } from '@/lib/messaging/send';
import type { pageLoadingRoute } from '@/lib/pages/page-routes';

// The content script injected into every http(s) page (declared in wxt.config.ts): small, it reads
// the page and paints its claims, and loads the rest (content-ui.js) only when there is something
// to show. A plain script rather than a WXT content script, whose runtime signals the page.
export default defineUnlistedScript(() => {
  // Injected as the page starts loading: a stopped background worker is started now, and loads the
  // claims while the page loads. The page itself is read once its DOM is complete.
  void send<typeof pageLoadingRoute>('pageLoading', {}).catch(() => undefined);
  whenDomComplete(() => startPage(() => importUi(browser.runtime.getURL('/content-ui.js'))));
});
