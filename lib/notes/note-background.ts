import { browser } from 'wxt/browser';
import type { Router } from '../messaging/router';
import { envelope } from '../messaging/router';
import { callTab } from '../messaging/runtime';
import { openTabNoteEditorRoute } from './note-api';
import { openNotesDb, type NotesDb } from './db';
import { deviceIdFrom } from './device-id';
import { openNoteEditor } from './note-messages';
import { registerNoteRoutes } from './note-routes';
import { broadcastNotesChanged } from './notes-broadcast';

/** The manifest command (wxt.config.ts) that opens the note editor on the selection. */
export const ADD_NOTE_COMMAND = 'add-note';
const MENU_ID = 'crosscheck-add-note';

/** Asks a tab's content script (top frame) to open the note editor on the current selection. */
function openEditorIn(tabId: number | undefined): void {
  if (tabId === undefined) return;
  browser.tabs.sendMessage(tabId, envelope(openNoteEditor, {}), { frameId: 0 }).catch(() => undefined);
}

/**
 * The notes part of the background, in one call: opens the notes database (extension origin),
 * registers the note routes, tells every tab when notes change, and adds the "Add Crosscheck note"
 * context-menu entry and keyboard command. Listeners are added synchronously, as an MV3 service
 * worker requires. Returns the database, for sync to share.
 */
export function startNotesBackground(router: Router): NotesDb {
  const db = openNotesDb();
  registerNoteRoutes(router, db, {
    deviceId: deviceIdFrom(browser.storage.local),
    changed: broadcastNotesChanged(browser.tabs as never),
  });
  router.on(openTabNoteEditorRoute, ({ claimId }, sender) => {
    if (sender.tab?.id === undefined) throw new Error('Only a claim card on a page can open the editor there.');
    return callTab(sender.tab.id, openNoteEditor, { claimId });
  });

  const menus = browser.contextMenus;
  // Recreated at every start (removeAll first): event pages and workers may start many times.
  void menus
    .removeAll()
    .then(() => menus.create({ id: MENU_ID, title: 'Add Crosscheck note', contexts: ['selection'] }))
    .catch(() => undefined);
  menus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID) openEditorIn(tab?.id);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== ADD_NOTE_COMMAND) return;
    if (tab?.id !== undefined) openEditorIn(tab.id);
    else void browser.tabs.query({ active: true, currentWindow: true }).then(([active]) => openEditorIn(active?.id));
  });
  return db;
}
