import { browser, defineBackground } from '#imports';
import { Router } from '@/lib/messaging/router';
import { listen, selfIdentity } from '@/lib/messaging/runtime';
import { getTabState, reportPage } from '@/lib/pages/page-routes';
import { TabStates } from '@/lib/pages/tab-states';

export default defineBackground({
  type: 'module',
  main() {
    const router = new Router(selfIdentity());
    const tabs = new TabStates(browser.storage.session);

    router.on(reportPage, async (page, sender) => {
      const tabId = sender.tab!.id!; // the router only lets content scripts in tabs through
      await tabs.report(tabId, page);
      return { tabId };
    });
    router.on(getTabState, ({ tabId }) => tabs.get(tabId));

    browser.tabs.onRemoved.addListener((tabId) => void tabs.forget(tabId));
    listen(router);
  },
});
