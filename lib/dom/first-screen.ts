import type { PageText } from './page-text';

/** The element a block's first text is in, for its place on screen. */
const elementOf = (block: PageText) => block.segments[0]?.node.parentElement ?? null;

/**
 * The blocks on or near the first screen the reader sees, found with a few layout reads (a binary
 * search, since document order mostly follows the page down), so that they are matched and painted
 * first. The page being at any scroll position, "near" is half a screen above and below.
 */
export function onScreen(blocks: readonly PageText[], view = { top: -innerHeight / 2, bottom: innerHeight * 1.5 }): Set<PageText> {
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
