import { browser } from 'wxt/browser';

/**
 * The tab an extension page is about: `?tab=ID` when given (the popup opened as an ordinary page,
 * as the demo's screenshots and the end-to-end tests do), otherwise the active tab of the current
 * window, as when the toolbar button opens the popup. Null when there is none.
 */
export async function targetTabId(search = location.search): Promise<number | null> {
  const fromQuery = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}
