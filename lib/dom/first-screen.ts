import type { PageText } from './page-text';

/** The element a block's first text is in, for its place on screen. */
const elementOf = (block: PageText) => block.segments[0]?.node.parentElement ?? null;

/**
 * Resolves once the browser has laid the page out for its next frame (or after 100 ms, or at once
 * in a tab that is not shown), so that reading where blocks are costs no layout of Crosscheck's
 * own: on a large page a forced layout is a long task.
 */
export function afterLayout(): Promise<void> {
  if (document.visibilityState === 'hidden') return Promise.resolve();
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback); // no task of Crosscheck's left behind
        resolve();
      }, 0),
    );
  });
}

/**
 * The blocks on or near the first screen the reader sees, found with a few layout reads (a binary
 * search, since document order mostly follows the page down), so that they are matched and painted
 * first. The page being at any scroll position, "near" is half a screen above and below.
 */
export function onScreen(blocks: readonly PageText[], view = { top: -innerHeight / 2, bottom: innerHeight * 1.5 }): Set<PageText> {
  if (document.visibilityState === 'hidden') return new Set(); // no first screen in a tab not shown
  const rect = (i: number) => elementOf(blocks[i]!)?.getBoundingClientRect() ?? null;
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const box = rect(mid);
    if (box && box.bottom < view.top) lo = mid + 1;
    else hi = mid;
  }
  const shown = new Set<PageText>();
  for (let i = lo; i < blocks.length && shown.size < 64; i++) {
    const box = rect(i);
    if (box && box.top > view.bottom) break;
    shown.add(blocks[i]!);
  }
  return shown;
}
