import { browser } from 'wxt/browser';

type AccessLevelArea = { setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void> };

/**
 * Closes the extension's storage to content scripts, where the browser allows it (Chromium's
 * `setAccessLevel`; Firefox has no such switch). storage.sync holds a copy of the reader's notes,
 * and a content script runs in the page's process: a compromised renderer must not read them. The
 * content script needs no storage: the background answers it (site switch included). Called at
 * every start of the background. Resolves with the areas closed.
 */
export async function closeStorageToContentScripts(
  areas: Record<string, AccessLevelArea | undefined> = { sync: browser.storage.sync, local: browser.storage.local },
): Promise<string[]> {
  const closed: string[] = [];
  for (const [name, area] of Object.entries(areas)) {
    if (typeof area?.setAccessLevel !== 'function') continue;
    try {
      await area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
      closed.push(name);
    } catch {
      // An area this browser does not let us restrict: nothing else to do.
    }
  }
  return closed;
}
