import { browser, defineBackground } from '#imports';
import { getBundledClaimDatabase } from '@/lib/claims/bundled';
import { Router } from '@/lib/messaging/router';
import { callTab, listen, selfIdentity } from '@/lib/messaging/runtime';
import { startNotesBackground } from '@/lib/notes/note-background';
import { startSyncBackground } from '@/lib/sync/sync-background';
import { BlockMatcher } from '@/lib/pages/block-matcher';
import { closePanel, closeTabPanel, getTabState, matchBlocks, reportPage, stepClaim } from '@/lib/pages/page-routes';
import { TabStates } from '@/lib/pages/tab-states';

export default defineBackground({
  type: 'module',
  main() {
    const router = new Router(selfIdentity());
    const tabs = new TabStates(browser.storage.session);
    const matcher = new BlockMatcher(getBundledClaimDatabase);
    // MV3 has `action`, Firefox's MV2 build `browserAction`.
    const action = browser.action ?? browser.browserAction;

    router.on(reportPage, async (page, sender) => {
      const tabId = sender.tab!.id!; // the router only lets content scripts in tabs through
      await tabs.report(tabId, page);
      const count = new Set(page.claims.map((c) => c.claimId)).size;
      await action.setBadgeText({ tabId, text: count > 0 ? String(count) : '' });
      await action.setBadgeBackgroundColor({ tabId, color: '#0b5cad' });
      return { tabId };
    });
    router.on(matchBlocks, ({ blocks }) => matcher.match(blocks));
    router.on(getTabState, ({ tabId }) => tabs.get(tabId));
    router.on(closeTabPanel, ({ tabId }) => callTab(tabId, closePanel, {}));
    browser.commands.onCommand.addListener((command, tab) => {
      if (command === 'next-claim' && tab?.id !== undefined) void callTab(tab.id, stepClaim, { step: 1 }).catch(() => undefined);
    });
    const notesDb = startNotesBackground(router); // note routes, repaint broadcast, context menu, command
    startSyncBackground(notesDb); // storage.sync mirror, switch, status line, repaint on remote notes

    browser.tabs.onRemoved.addListener((tabId) => void tabs.forget(tabId));
    listen(router);
  },
});
