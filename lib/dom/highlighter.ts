/**
 * Paints ranges with the CSS Custom Highlight API: it styles text without touching the page's
 * DOM, so it cannot break the page's own scripts (React hydration, say) and costs no layout.
 * Styles are `::highlight(<name>)` rules in the content script's stylesheet.
 */

/** True when this browser can paint highlights (Chromium 105+, Firefox 140+, Safari 17.2+). */
export function canHighlight(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/** Replaces what is painted under `name` with `ranges` (none clears it). */
export function paint(name: string, ranges: readonly AbstractRange[]): void {
  if (!canHighlight()) return;
  if (ranges.length === 0) {
    CSS.highlights.delete(name);
    return;
  }
  const highlight = new Highlight(...ranges);
  // Notes paint above claims, so the reader's own marks stay visible where they overlap.
  highlight.priority = name.startsWith('crosscheck-note') ? 1 : 0;
  CSS.highlights.set(name, highlight);
}

/** The text position under a point of the viewport, in either engine's API. */
function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  if (doc.caretPositionFromPoint) {
    const pos = doc.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startContainer === range.endContainer ? range.startOffset : 0 } : null;
}

/**
 * Which of `ranges` are under a point of the viewport (a click on painted text). The caret
 * position must fall inside the range, and the point inside one of its boxes, so that a click in
 * the margin beside a line does not count.
 */
export function rangesAt<T extends { range: Range }>(items: readonly T[], x: number, y: number): T[] {
  const caret = caretAt(x, y);
  if (!caret) return [];
  return items.filter(({ range }) => {
    try {
      if (!range.isPointInRange(caret.node, caret.offset)) return false;
    } catch {
      return false; // the caret is in another document or a shadow tree
    }
    return Array.from(range.getClientRects()).some(
      (box) => x >= box.left && x <= box.right && y >= box.top && y <= box.bottom,
    );
  });
}
