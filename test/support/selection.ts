import type { DriverPage } from './driver';
import { waitFor } from './wait';

/** In the page: selects the first occurrence of `quote` (driver-neutral, for `evaluate`). */
export function selectText(quote: string): boolean {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node as Text).data.indexOf(quote);
    if (at === -1) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + quote.length);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    return true;
  }
  return false;
}

/** In the page: the centre of a selection button (by its host element's tag), when it is shown. */
export function buttonCentre(tag: string): { x: number; y: number } | null {
  const host = document.querySelector(tag);
  if (!host?.isConnected) return null;
  const box = host.getBoundingClientRect();
  return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
}

/** Selects `quote` until the content script (which may still be starting) shows the button `tag` beside it; its centre. */
export function showSelectionButton(page: DriverPage, quote: string, tag: string) {
  return waitFor(`the <${tag}> beside the selection`, async () => {
    await page.evaluate(selectText, quote);
    await new Promise((r) => setTimeout(r, 300));
    return page.evaluate(buttonCentre, tag);
  });
}
