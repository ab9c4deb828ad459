import { browser } from 'wxt/browser';
import { envelope } from '../messaging/router';
import { TabPages } from '../messaging/tab-pages';
import { notesChangedRoute } from './note-content-routes';

/** The part of `browser.tabs` the broadcast needs. */
export type TabsApi = { sendMessage(tabId: number, message: unknown): Promise<unknown> };

/**
 * Tells the content scripts of the tabs showing a page that its notes changed, so that a note saved
 * in one tab is painted in every other tab of the same page at once. Only those tabs hear of it: no
 * page learns which other pages the reader has notes on. Tabs that refuse (closed meanwhile) are
 * ignored.
 */
export function broadcastNotesChanged(tabs: TabsApi, pages = new TabPages(browser.storage.session)): (sources: string[]) => void {
  return (sources) => {
    const wanted = new Set(sources);
    void pages.all().then((all) => {
      for (const [tabId, { source }] of all) {
        if (source && wanted.has(source)) tabs.sendMessage(tabId, envelope(notesChangedRoute, { source })).catch(() => undefined);
      }
    }, () => undefined);
  };
}
