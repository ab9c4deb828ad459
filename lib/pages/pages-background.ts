import { browser } from 'wxt/browser';
import type { Router } from '../messaging/router';
import { callTab } from '../messaging/runtime';
import { BlockMatcher } from './block-matcher';
import { loadBundledIndex } from './bundled-index';
import {
  closePanel,
  closeTabPanel,
  getTabState,
  issuePanelTicket,
  matchBlocks,
  redeemPanelTicket,
  reportPage,
  stepClaim,
} from './page-routes';
import { PanelTickets } from './panel-tickets';
import { TabStates } from './tab-states';

/**
 * The background's side of claims on pages: matches the blocks content scripts send, keeps what
 * each tab shows (for the popup) and its badge, tickets for in-page panels, relays the panel's
 * close, and the "next claim" shortcut.
 */
export function startPagesBackground(router: Router): void {
  const tabs = new TabStates(browser.storage.session);
  const matcher = new BlockMatcher(loadBundledIndex);
  const tickets = new PanelTickets();
  // MV3 has `action`, Firefox's MV2 build `browserAction`.
  const action = browser.action ?? browser.browserAction;

  router.on(reportPage, async (page, sender) => {
    const tabId = sender.tab!.id!; // the router only lets content scripts in tabs through
    await tabs.report(tabId, page);
    const count = new Set(page.claims.map((c) => c.claimId)).size;
    await action.setBadgeText({ tabId, text: count > 0 ? String(count) : '' });
    await action.setBadgeBackgroundColor({ tabId, color: '#0b5cad' });
    return null;
  });
  router.on(matchBlocks, ({ blocks }) => matcher.match(blocks));
  router.on(getTabState, ({ tabId }) => tabs.get(tabId));
  router.on(closeTabPanel, (_, sender) => sender.tab?.id !== undefined && callTab(sender.tab.id, closePanel, {}));
  router.on(issuePanelTicket, (_, sender) => ({ ticket: tickets.issue(sender.tab!.id!) }));
  router.on(redeemPanelTicket, ({ ticket }, sender) => sender.tab?.id !== undefined && tickets.redeem(sender.tab.id, ticket));
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'next-claim' && tab?.id !== undefined) void callTab(tab.id, stepClaim, { step: 1 }).catch(() => undefined);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    tickets.forget(tabId);
    void tabs.forget(tabId);
  });
}
