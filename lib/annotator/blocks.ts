import { BLOCK_SEPARATOR } from '../dom/page-text';

/** A block of page text (a paragraph, a heading…) and where it starts in the whole text. */
export type TextBlock = { text: string; start: number };

/**
 * Splits page text into its blocks. Blocks are the unit of incremental rescanning: a block whose
 * text did not change keeps its matches without asking the matcher again.
 */
export function splitBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let start = 0;
  while (start <= text.length) {
    const end = text.indexOf(BLOCK_SEPARATOR, start);
    const stop = end === -1 ? text.length : end;
    if (stop > start) blocks.push({ text: text.slice(start, stop), start });
    if (end === -1) break;
    start = end + BLOCK_SEPARATOR.length;
  }
  return blocks;
}
