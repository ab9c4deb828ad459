import { browser } from 'wxt/browser';
import type { Router } from '../messaging/router';
import { callTab } from '../messaging/runtime';
import { TabPages } from '../messaging/tab-pages';
import { readerClaimsDb } from '../claims/reader-db';
import { BlockMatcher } from './block-matcher';
import { BlockService } from './block-service';
import { ClaimSource } from './claim-source';
import { getClaimsRoute } from './extension-routes';
import { followReaderClaims } from './follow-claims';
import { readClaimFacts } from '../matcher/claim-facts';
import type { Fact } from '../claims/schema';
import { claimsChangedRoute, stepClaimRoute } from './page-routes';
import { handlePanels } from './panel-handlers';
import { PanelTickets } from './panel-tickets';
import { followPaintModes } from './paint-modes';
import { handleReports, type OnReport } from './report-handlers';
import { followSiteSwitch } from './site-switch';
import { TabStates } from './tab-states';
import { handleText, type NotesOn } from './text-handlers';

/** What the pages need of the notes: how many notes a page has (see NotesBackground). */
export type PagesDeps = {
  notesOn?: NotesOn;
  /** Told of each page a tab reports (the tracked claims' sightings). */
  reported?: OnReport;
};

/** What the rest of the background uses of the pages' part. */
export type PagesBackground = {
  /** The facts (counts, dates) of the reader's words, read as the matcher reads pages (see readClaimFacts). */
  claimFacts(text: string): Promise<Fact[]>;
};

/**
 * The background's side of claims on pages, put together: the claims (bundled and the reader's,
 * followed as they change), the text routes (matching, fairly between tabs), the reports (popup and
 * badge), the in-page panel's tickets and close, the site switch, the painting modes, and the
 * "next claim" shortcut. What a tab showed is forgotten when it closes.
 */
export function startPagesBackground(router: Router, { notesOn, reported }: PagesDeps = {}): PagesBackground {
  const claims = new ClaimSource(); // the bundled claims and the reader's own
  const blocks = new BlockService(new BlockMatcher(() => claims.load().then(({ set }) => set.index)));
  const tabs = new TabStates(browser.storage.session);
  const pages = new TabPages(browser.storage.session);
  const askAgain = (all: [number, unknown][]) => all.forEach(([tabId]) => void callTab(tabId, claimsChangedRoute, {}).catch(() => undefined));
  followReaderClaims(readerClaimsDb(), claims, blocks.matcher, () => void pages.all().then(askAgain));
  // A worker woken by a page's first question reads the lexicon while that question is answered
  // (its notes, its site), rather than after: the first match then waits less.
  void blocks.matcher.ready().catch(() => undefined);
  const tickets = new PanelTickets();
  const disabledSites = followSiteSwitch(pages);
  const paintMode = followPaintModes(pages);
  handleText(router, { blocks, pages, tabs, disabledSites, paintMode, ...(notesOn ? { notesOn } : {}) });
  handleReports(router, { blocks, tabs, ...(reported ? { reported } : {}) });
  handlePanels(router, tickets);
  router.on(getClaimsRoute, ({ ids }) => claims.resolve(ids));
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'next-claim' && tab?.id !== undefined) void callTab(tab.id, stepClaimRoute, { step: 1 }).catch(() => undefined);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    tickets.forget(tabId);
    void tabs.forget(tabId);
    void pages.forget(tabId);
  });
  return { claimFacts: async (text) => readClaimFacts(await claims.tokenizer(), text) };
}
