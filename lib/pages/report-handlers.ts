import { browser } from 'wxt/browser';
import type { Router } from '../messaging/router';
import { callTab } from '../messaging/runtime';
import type { BlockService } from './block-service';
import { describePageRoute, getTabStateRoute, reportPageRoute } from './page-routes';
import { originOf, sameOrigin } from './sender-origin';
import type { PageReport } from './page-schema';
import type { TabStates } from './tab-states';

/** Told of each page a tab reports (its claims with their words), e.g. to record tracked claims' sightings. */
export type OnReport = (tabId: number, page: PageReport) => void;

/**
 * What each tab shows, for the popup and the badge: a page with claims reports them (the background
 * puts the report together from the units it matched), and the popup's question about a page
 * without claims is put to its content script.
 */
export function handleReports(router: Router, { blocks, tabs, reported }: { blocks: BlockService; tabs: TabStates; reported?: OnReport }): void {
  // MV3 has `action`, Firefox's MV2 build `browserAction`.
  const action = browser.action ?? browser.browserAction;
  router.on(reportPageRoute, async ({ url, title, words, units }, sender) => {
    const tabId = sender.tab!.id!; // the router only lets content scripts in tabs through
    const origin = originOf(sender);
    const { claims, missing } = blocks.claimsOf(origin, units);
    if (missing.length > 0) return { missing };
    const page = sameOrigin(url, origin) ? url : sender.url!;
    const state = await tabs.report(tabId, { url: page, title, words, claims: claims.slice(0, 2000) });
    reported?.(tabId, state.page);
    const count = new Set(claims.map((c) => c.claimId)).size;
    await action.setBadgeText({ tabId, text: count > 0 ? String(count) : '' });
    await action.setBadgeBackgroundColor({ tabId, color: '#0b5cad' });
    return { missing: [] };
  });
  router.on(getTabStateRoute, async ({ tabId }) => {
    const known = await tabs.get(tabId);
    if (known) return known;
    const page = await callTab(tabId, describePageRoute, {}).catch(() => null);
    return page && { tabId, page: { ...page, title: page.title.slice(0, 1000), claims: [] }, reportedAt: Date.now() };
  });
}
