/**
 * Finds the tab showing `pageUrl` from inside an extension page, by asking the background over the
 * extension's own message protocol, as the popup does. Runs in the extension page, so it can only
 * use what the page itself can: it is passed to `page.evaluate` as a string-free function.
 */
export async function findTabInExtensionPage(pageUrl: string): Promise<number | null> {
  // Firefox has `browser`, Chromium `chrome`; both return promises here.
  const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
  const self = await api.tabs.getCurrent();
  const tabs = await api.tabs.query({});
  for (const tab of tabs) {
    if (tab.id === undefined || tab.id === self?.id) continue;
    const reply = (await api.runtime.sendMessage({ route: 'getTabState', data: { tabId: tab.id } })) as
      | { ok: true; data: { page: { url: string } } | null }
      | { ok: false };
    if (reply?.ok && reply.data?.page.url === pageUrl) return tab.id;
  }
  return null;
}

/**
 * Waits (up to `timeoutMs`) until the content script of the tab showing a page has reported it,
 * then opens the popup for that tab. `findTab` runs `findTabInExtensionPage` in an extension page
 * and `open` navigates it (each driver has its own way). Returns the tab id.
 */
export async function showPopupFor(
  pageUrl: string,
  findTab: () => Promise<number | null>,
  open: (path: string) => Promise<unknown>,
  timeoutMs = 15_000,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const tabId = await findTab();
    if (tabId !== null) {
      await open(`popup.html?tab=${tabId}`);
      return tabId;
    }
    if (Date.now() > deadline) throw new Error(`No tab reported ${pageUrl} within ${timeoutMs} ms: did the content script run?`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
