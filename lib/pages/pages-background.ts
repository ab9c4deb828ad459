import { browser } from 'wxt/browser';
import type { Router } from '../messaging/router';
import type { Sender } from '../messaging/route';
import { callTab } from '../messaging/runtime';
import { getDisabledSites, watchDisabledSites } from '../settings/site-settings';
import { BlockService } from './block-service';
import { TabPages } from '../messaging/tab-pages';
import {
  closePanelRoute,
  closeTabPanelRoute,
  describePageRoute,
  getTabStateRoute,
  issuePanelTicketRoute,
  lookupBlocksRoute,
  matchBlocksRoute,
  redeemPanelTicketRoute,
  reportPageRoute,
  siteSwitchedRoute,
  stepClaimRoute,
} from './page-routes';
import { PanelTickets } from './panel-tickets';
import { TabStates } from './tab-states';

/** The sender's origin: what it may ask about is what its own origin showed (see BlockMatcher). */
function originOf(sender: Sender): string {
  try {
    return new URL(sender.url ?? '').origin;
  } catch {
    return 'null';
  }
}

/** True when `url` is an http(s) URL of `origin`. */
function sameOrigin(url: string, origin: string): boolean {
  try {
    const parsed = new URL(url);
    return /^https?:$/.test(parsed.protocol) && parsed.origin === origin;
  } catch {
    return false;
  }
}

const hostnameOf = (url: string | undefined) => {
  try {
    return new URL(url ?? '').hostname.toLowerCase();
  } catch {
    return '';
  }
};

/** What the pages need of the notes: how many notes a page has (see NotesBackground). */
export type PagesDeps = {
  notesOn?: (url: string, canonicalHref: string | null) => Promise<{ source: string; count: number }>;
  blocks?: BlockService;
};

/**
 * The background's side of claims on pages: matches the units content scripts send (fairly between
 * tabs), answers which it knows, puts each tab's claims together for the popup and the badge, tells
 * pages when their site is switched on or off, tickets for in-page panels, relays the panel's close,
 * and the "next claim" shortcut.
 */
export function startPagesBackground(router: Router, { notesOn, blocks = new BlockService() }: PagesDeps = {}): void {
  const tabs = new TabStates(browser.storage.session);
  const pages = new TabPages(browser.storage.session);
  const tickets = new PanelTickets();
  // MV3 has `action`, Firefox's MV2 build `browserAction`.
  const action = browser.action ?? browser.browserAction;
  let disabled = getDisabledSites();

  router.on(lookupBlocksRoute, async ({ keys, units, page }, sender) => {
    const origin = originOf(sender);
    const url = page && sameOrigin(page.url, origin) ? page.url : sender.url!;
    const enabled = !(await disabled).includes(hostnameOf(url));
    let notes = false;
    if (page && enabled) {
      const found = await notesOn?.(url, page.canonicalHref).catch(() => null);
      notes = (found?.count ?? 0) > 0;
      const tabId = sender.tab!.id!;
      const before = await pages.set(tabId, { url, ...(found ? { source: found.source } : {}) });
      if (before && before.url !== url) await tabs.forget(tabId); // a new page: what the tab reported was another's
    }
    if (!enabled) return { enabled, notes, known: [], matched: [] };
    const matched = await blocks.match(origin, sender.tab?.id ?? origin, units, true);
    return { enabled, notes, known: blocks.lookup(origin, keys), matched };
  });
  router.on(matchBlocksRoute, ({ units, first }, sender) => blocks.match(originOf(sender), sender.tab?.id ?? originOf(sender), units, first));
  router.on(reportPageRoute, async ({ url, title, words, units }, sender) => {
    const tabId = sender.tab!.id!; // the router only lets content scripts in tabs through
    const origin = originOf(sender);
    const { claims, missing } = blocks.claimsOf(origin, units);
    if (missing.length > 0) return { missing };
    const page = sameOrigin(url, origin) ? url : sender.url!;
    await tabs.report(tabId, { url: page, title, words, claims: claims.slice(0, 2000) });
    const count = new Set(claims.map((c) => c.claimId)).size;
    await action.setBadgeText({ tabId, text: count > 0 ? String(count) : '' });
    await action.setBadgeBackgroundColor({ tabId, color: '#0b5cad' });
    return { missing: [] };
  });
  // A page with no claims reports nothing: the popup's question is put to its content script.
  router.on(getTabStateRoute, async ({ tabId }) => {
    const known = await tabs.get(tabId);
    if (known) return known;
    const page = await callTab(tabId, describePageRoute, {}).catch(() => null);
    return page && { tabId, page: { ...page, title: page.title.slice(0, 1000), claims: [] }, reportedAt: Date.now() };
  });
  router.on(closeTabPanelRoute, (_, sender) => sender.tab?.id !== undefined && callTab(sender.tab.id, closePanelRoute, {}));
  router.on(issuePanelTicketRoute, (_, sender) => ({ ticket: tickets.issue(sender.tab!.id!) }));
  router.on(redeemPanelTicketRoute, ({ ticket }, sender) => sender.tab?.id !== undefined && tickets.redeem(sender.tab.id, ticket));
  // The site switch: pages of a site turned on or off apply it at once.
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
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'next-claim' && tab?.id !== undefined) void callTab(tab.id, stepClaimRoute, { step: 1 }).catch(() => undefined);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    tickets.forget(tabId);
    void tabs.forget(tabId);
    void pages.forget(tabId);
  });
}
