import { defineUnlistedScript } from '#imports';
import { browser } from 'wxt/browser';
import { importUi } from '@/lib/annotator/lazy-ui';
import { startPage } from '@/lib/annotator/page-start';

// The content script injected into every http(s) page (declared in wxt.config.ts): small, it reads
// the page and paints its claims, and loads the rest (content-ui.js) only when there is something
// to show. A plain script rather than a WXT content script, whose runtime signals the page.
export default defineUnlistedScript(() => startPage(() => importUi(browser.runtime.getURL('/content-ui.js'))));
