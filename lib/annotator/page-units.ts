import { BLOCK_SEPARATOR, type PageText } from '../dom/page-text';
import type { Slice } from '../dom/yield';
import { MAX_PAGE_CHARS } from '../pages/wire';
import { keyOf, unitsOf, type Unit } from './units';

/**
 * The units of the page's blocks, each told where it starts in the page's text and which block
 * follows its own, up to MAX_PAGE_CHARS of text (a page longer than that is cut). Pauses between
 * blocks, so that a long page gives the main thread back.
 */
export async function readUnits(blocks: readonly PageText[], slice: Slice): Promise<Unit[]> {
  const units: Unit[] = [];
  let chars = 0;
  let at = 0;
  for (let i = 0; i < blocks.length; i++) {
    if (i % 64 === 63) await slice.pause();
    const block = blocks[i]!;
    for (const unit of unitsOf(block)) {
      chars += unit.text.length;
      if (chars > MAX_PAGE_CHARS) return units;
      unit.start = at + unit.from;
      unit.nextBlock = blocks[i + 1];
      units.push(unit);
    }
    at += block.text.length + BLOCK_SEPARATOR.length;
  }
  return units;
}

/** Makes the units' keys for the background, in slices (a long page is much text to hash at once); returns the units. */
export async function hashKeys(units: Unit[], slice: Slice): Promise<Unit[]> {
  for (let i = 0; i < units.length; i++) {
    keyOf(units[i]!);
    if (i % 16 === 15) await slice.pause();
  }
  return units;
}
