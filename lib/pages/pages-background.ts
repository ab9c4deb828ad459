import { browser } from 'wxt/browser';
import type { Router } from '../messaging/router';
import { callTab } from '../messaging/runtime';
import { TabPages } from '../messaging/tab-pages';
import { BlockService } from './block-service';
import { stepClaimRoute } from './page-routes';
import { handlePanels } from './panel-handlers';
import { PanelTickets } from './panel-tickets';
import { handleReports, type OnReport } from './report-handlers';
import { followSiteSwitch } from './site-switch';
import { TabStates } from './tab-states';
import { handleText, type NotesOn } from './text-handlers';

/** What the pages need of the notes: how many notes a page has (see NotesBackground). */
export type PagesDeps = {
  notesOn?: NotesOn;
  blocks?: BlockService;
  /** Told of each page a tab reports (the tracked claims' sightings). */
  reported?: OnReport;
};

/**
 * The background's side of claims on pages, put together: the text routes (matching, fairly between
 * tabs), the reports (popup and badge), the in-page panel's tickets and close, the site switch, and
 * the "next claim" shortcut. What a tab showed is forgotten when it closes.
 */
export function startPagesBackground(router: Router, { notesOn, blocks = new BlockService(), reported }: PagesDeps = {}): void {
  // A worker woken by a page's first question reads the lexicon while that question is answered
  // (its notes, its site), rather than after: the first match then waits less.
  void blocks.matcher.ready().catch(() => undefined);
  const tabs = new TabStates(browser.storage.session);
  const pages = new TabPages(browser.storage.session);
  const tickets = new PanelTickets();
  const disabledSites = followSiteSwitch(pages);
  handleText(router, { blocks, pages, tabs, disabledSites, ...(notesOn ? { notesOn } : {}) });
  handleReports(router, { blocks, tabs, ...(reported ? { reported } : {}) });
  handlePanels(router, tickets);
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'next-claim' && tab?.id !== undefined) void callTab(tab.id, stepClaimRoute, { step: 1 }).catch(() => undefined);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    tickets.forget(tabId);
    void tabs.forget(tabId);
    void pages.forget(tabId);
  });
}
