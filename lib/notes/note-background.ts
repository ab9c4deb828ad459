import { browser } from 'wxt/browser';
import type { Router } from '../messaging/router';
import { envelope } from '../messaging/router';
import { callTab } from '../messaging/runtime';
import { addSelectionAction } from '../messaging/selection-action';
import { openTabNoteEditorRoute } from './note-routes';
import { openNotesDb, type NotesDb } from './db';
import { deviceIdFrom } from './device-id';
import { TabPages } from '../messaging/tab-pages';
import { listPageMarksRoute, openNoteEditorRoute } from './note-content-routes';
import { registerNoteRoutes, senderPage } from './note-handlers';
import { broadcastNotesChanged, createNotesNotice, type NotesNotice } from './notes-broadcast';
import { listPageNotes } from './notes-query';

/** The manifest command (wxt.config.ts) that opens the note editor on the selection. */
export const ADD_NOTE_COMMAND = 'add-note';
const MENU_ID = 'crosscheck-add-note';

/** Asks a tab's content script (top frame) to open the note editor on the current selection. */
function openEditorIn(tabId: number | undefined): void {
  if (tabId === undefined) return;
  browser.tabs.sendMessage(tabId, envelope(openNoteEditorRoute, {}), { frameId: 0 }).catch(() => undefined);
}

/** The notes part of the background, as the rest of it uses it. */
export type NotesBackground = {
  db: NotesDb;
  /**
   * How many notes the page at `url` (refined by its canonical link, as notes are filed) has, and
   * its canonical URL: every page asks, so that only pages with notes load the notes' UI.
   */
  notesOn(url: string, canonicalHref: string | null): Promise<{ source: string; count: number }>;
  /** The one change notice: every writer tells it which notes changed; the tabs and sync listen. */
  notice: NotesNotice;
};

/**
 * The notes part of the background, in one call: opens the notes database (extension origin),
 * registers the note routes, tells the tabs showing a page when its notes change, and adds the "Add Crosscheck note"
 * context-menu entry and keyboard command. Listeners are added synchronously, as an MV3 service
 * worker requires. Returns the database and the change notice, for sync to share and hear, and `notesOn`.
 */
export function startNotesBackground(router: Router): NotesBackground {
  const db = openNotesDb();
  const pages = new TabPages(browser.storage.session);
  const notice = createNotesNotice();
  notice.listen(broadcastNotesChanged(browser.tabs as never, pages));
  registerNoteRoutes(router, db, { deviceId: deviceIdFrom(), changed: notice.changed });
  // Which page each tab shows: its notes' UI asks for the page's marks (after a single-page navigation too).
  router.tap(listPageMarksRoute, (_, sender, { source }) => {
    if (sender.tab?.id !== undefined) void pages.setSource(sender.tab.id, source).catch(() => undefined);
  });
  router.on(openTabNoteEditorRoute, ({ claimId }, sender) => {
    if (sender.tab?.id === undefined) throw new Error('Only a claim card on a page can open the editor there.');
    return callTab(sender.tab.id, openNoteEditorRoute, { claimId });
  });

  addSelectionAction({ menuId: MENU_ID, title: 'Add Crosscheck note', command: ADD_NOTE_COMMAND, run: openEditorIn });
  return {
    db,
    notice,
    async notesOn(url, canonicalHref) {
      const source = senderPage(url, canonicalHref);
      return { source, count: (await listPageNotes(db, source)).length };
    },
  };
}
