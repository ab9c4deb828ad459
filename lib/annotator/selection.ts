import type { PageText } from '../dom/page-text';
import { segmentInRange } from '../dom/text-ranges';
import { describe, MAX_QUOTE, type TextSelectors } from '../anchoring';

/**
 * The part of the page text a DOM Range covers, as offsets, with surrounding whitespace trimmed
 * (double-clicking a word selects the space after it in some browsers). Boundaries on elements
 * (a triple-click ends at the start of the next block) move to the nearest text inside the range.
 * Null when the range covers no page text (it is in the extension's own UI, or blank).
 */
export function selectionOffsets(page: PageText, range: Range): { start: number; end: number } | null {
  let start = -1;
  let end = -1;
  for (const segment of page.segments) {
    const part = segmentInRange(segment, range);
    if (!part) continue; // outside, or touching the boundary only
    if (start === -1) start = part.start;
    end = part.end;
  }
  if (start === -1) return null;
  while (start < end && /\s/.test(page.text[start]!)) start++;
  while (end > start && /\s/.test(page.text[end - 1]!)) end--;
  if (end <= start) return null;
  return { start, end: Math.min(end, start + MAX_QUOTE) };
}

/** The W3C selectors (quote in context, position) of a Range on the page, or null. */
export function selectorsFor(page: PageText, range: Range): TextSelectors | null {
  const at = selectionOffsets(page, range);
  return at ? describe(page.text, at.start, at.end) : null;
}

/** The reader's current selection as one Range, when there is a non-empty one. */
export function currentRange(doc: Document = document): Range | null {
  const selection = doc.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  return selection.getRangeAt(0);
}
