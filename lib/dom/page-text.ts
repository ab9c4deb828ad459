/**
 * The page's visible text as one string, with a map back to the DOM so that offsets into the
 * string (from the claim matcher or a note's selectors) become Ranges. Nothing here changes the
 * page.
 */

/** Elements whose contents a reader never sees as article text. */
const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON',
  'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'HEAD', 'TITLE', 'META', 'LINK',
]);

/** Separates blocks, so that a heading and the paragraph after it never read as one sentence. */
export const BLOCK_SEPARATOR = '\n\n';

/** A text node and where its text starts in `PageText.text`. */
type Segment = { node: Text; start: number };

/** The visible text of a subtree and where each part of it came from. */
export type PageText = { text: string; segments: Segment[] };

/** Options: a predicate for subtrees to leave out (the extension's own UI). */
export type ReadOptions = { skip?: (element: Element) => boolean };

function isHidden(element: Element, style: CSSStyleDeclaration): boolean {
  return (
    element.hasAttribute('hidden') ||
    element.getAttribute('aria-hidden') === 'true' ||
    style.display === 'none' ||
    style.visibility === 'hidden' ||
    style.visibility === 'collapse'
  );
}

/** Block boxes start a new line of text; unknown displays fall back on the HTML default. */
const BLOCK_DISPLAY = /^(block|flex|grid|list-item|table|flow-root)/;
const BLOCK_TAGS = /^(ADDRESS|ARTICLE|ASIDE|BLOCKQUOTE|DD|DIV|DL|DT|FIGCAPTION|FIGURE|FOOTER|FORM|H[1-6]|HEADER|HR|LI|MAIN|NAV|OL|P|PRE|SECTION|TABLE|TD|TH|TR|UL)$/;

function isBlock(element: Element, style: CSSStyleDeclaration | undefined): boolean {
  if (style?.display) return BLOCK_DISPLAY.test(style.display) || style.display.includes('table');
  return BLOCK_TAGS.test(element.tagName.toUpperCase());
}

/** Reads the visible text under `root` (usually `document.body`). */
export function readPageText(root: Element, options: ReadOptions = {}): PageText {
  const view = root.ownerDocument.defaultView;
  const parts: string[] = [];
  const segments: Segment[] = [];
  let length = 0;
  let pendingBreak = false;

  const breakBlock = () => {
    if (length > 0) pendingBreak = true;
  };

  const visit = (element: Element) => {
    for (let child = element.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const node = child as Text;
        const data = node.data;
        if (data.trim() === '') continue;
        if (pendingBreak) {
          parts.push(BLOCK_SEPARATOR);
          length += BLOCK_SEPARATOR.length;
          pendingBreak = false;
        }
        segments.push({ node, start: length });
        parts.push(data);
        length += data.length;
      } else if (child.nodeType === 1) {
        const el = child as Element;
        if (SKIPPED_TAGS.has(el.tagName.toUpperCase()) || options.skip?.(el)) continue;
        const style = view?.getComputedStyle(el);
        if (style && isHidden(el, style)) continue;
        const block = isBlock(el, style);
        if (block || el.tagName === 'BR') breakBlock();
        visit(el);
        if (block) breakBlock();
      }
    }
  };
  visit(root);
  return { text: parts.join(''), segments };
}

/** Index of the last segment starting at or before `offset` (binary search). */
function segmentAt(segments: Segment[], offset: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Where `offset` falls in the DOM; offsets inside a block separator move to the next text. */
function position(page: PageText, offset: number, edge: 'start' | 'end'): [Text, number] | null {
  if (page.segments.length === 0) return null;
  const i = segmentAt(page.segments, offset);
  const segment = page.segments[i]!;
  const within = offset - segment.start;
  if (within <= segment.node.data.length) return [segment.node, Math.max(0, within)];
  // In a separator: a range's start moves forward, its end stays at the end of this text.
  if (edge === 'end') return [segment.node, segment.node.data.length];
  const next = page.segments[i + 1];
  return next ? [next.node, 0] : null;
}

/**
 * A live Range over `[start, end)` of the page text, or null when the offsets are out of range or
 * the text nodes have since left the document.
 */
export function rangeFor(page: PageText, start: number, end: number): Range | null {
  if (start < 0 || end <= start || end > page.text.length) return null;
  const from = position(page, start, 'start');
  const to = position(page, end, 'end');
  if (!from || !to || !from[0].isConnected || !to[0].isConnected) return null;
  const range = from[0].ownerDocument.createRange();
  range.setStart(from[0], from[1]);
  range.setEnd(to[0], to[1]);
  return range;
}

/** The offset in the page text of a DOM boundary point inside a text node, or null. */
export function offsetOf(page: PageText, node: Node, offset: number): number | null {
  for (const segment of page.segments) {
    if (segment.node === node) return segment.start + Math.min(offset, segment.node.data.length);
  }
  return null;
}
