import { browser } from 'wxt/browser';

/** An action on the page's selected text: its context-menu entry, its keyboard command, and what it does. */
export type SelectionAction = {
  menuId: string;
  title: string;
  /** The manifest command (wxt.config.ts) that runs it from the keyboard. */
  command: string;
  /** Runs it in a tab (undefined: the browser named none). */
  run(tabId: number | undefined): void;
};

/**
 * Offers an action on selected text in the context menu and behind its command. The listeners are
 * added synchronously, as an MV3 worker requires; the entry is removed by its own id before it is
 * created, so that a worker that starts again and again neither fails nor removes another's entry.
 */
export function addSelectionAction({ menuId, title, command, run }: SelectionAction): void {
  const menus = browser.contextMenus;
  void menus
    .remove(menuId)
    .catch(() => undefined) // there was none
    .then(() => menus.create({ id: menuId, title, contexts: ['selection'] }))
    .catch(() => undefined);
  menus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === menuId) run(tab?.id);
  });
  browser.commands.onCommand.addListener((name, tab) => {
    if (name !== command) return;
    if (tab?.id !== undefined) run(tab.id);
    else void browser.tabs.query({ active: true, currentWindow: true }).then(([active]) => run(active?.id));
  });
}
