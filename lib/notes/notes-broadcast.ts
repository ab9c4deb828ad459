import { envelope } from '../messaging/router';
import { notesChanged } from './note-messages';

/** The part of `browser.tabs` the broadcast needs. */
export type TabsApi = {
  query(query: object): Promise<{ id?: number; url?: string }[]>;
  sendMessage(tabId: number, message: unknown): Promise<unknown>;
};

/**
 * Tells the content script of every tab that the notes of some pages changed, so that a note saved
 * in one tab is painted in every other tab of the same page at once. Each script compares the
 * canonical URLs with its own. Tabs without our script (new tabs, browser pages) refuse: ignored.
 */
export function broadcastNotesChanged(tabs: TabsApi): (sources: string[]) => void {
  return (sources) => {
    void tabs.query({}).then((all) => {
      for (const tab of all) {
        // Without the `tabs` permission `url` is unknown; skip only tabs known not to be web pages.
        if (tab.id === undefined || (tab.url !== undefined && !/^https?:/.test(tab.url))) continue;
        for (const source of sources) {
          tabs.sendMessage(tab.id, envelope(notesChanged, { source })).catch(() => undefined);
        }
      }
    }, () => undefined);
  };
}
