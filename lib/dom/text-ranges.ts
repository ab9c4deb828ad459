/**
 * Offsets into read text (see page-text.ts) and DOM positions, both ways: what turns a claim's or
 * a note's offsets into a Range, and a selection back into offsets.
 */
import { nodeOffset, segmentOffset, type PageText, type Segment } from './text-builder';

/** Index of the last segment starting at or before `offset` (binary search). */
function segmentAt(segments: readonly Segment[], offset: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Where `offset` falls in the DOM; offsets between segments (separators, line breaks) move to the next text. */
function position(page: PageText, offset: number, edge: 'start' | 'end'): [Text, number] | null {
  if (page.segments.length === 0) return null;
  const i = segmentAt(page.segments, offset);
  const segment = page.segments[i]!;
  const within = offset - segment.start;
  if (within >= 0 && within <= segment.length) return [segment.node, nodeOffset(segment, Math.max(0, within))];
  // Between segments: a range's start moves forward, its end stays at the end of this text.
  if (edge === 'end' && within > 0) return [segment.node, nodeOffset(segment, segment.length)];
  const next = within < 0 ? segment : page.segments[i + 1];
  return next ? [next.node, nodeOffset(next, 0)] : null;
}

/**
 * A live Range over `[start, end)` of the text, or null when the offsets are out of range or the
 * text nodes have since left the document.
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

/** The offset in the text of a DOM boundary point inside one of its text nodes, or null. */
export function offsetOf(page: PageText, node: Node, offset: number): number | null {
  let found: Segment | null = null;
  for (const segment of page.segments) {
    // A node may have several segments (line breaks kept inside it): the last one starting at or before `offset`.
    if (segment.node === node && (!found || nodeOffset(segment, 0) <= offset)) found = segment;
  }
  return found ? found.start + segmentOffset(found, offset) : null;
}

/** The part `[from, to)` of a segment's node that lies inside `range`, as offsets into the text. */
export function segmentInRange(segment: Segment, range: Range): { start: number; end: number } | null {
  if (!range.intersectsNode(segment.node)) return null;
  const from = segment.node === range.startContainer ? segmentOffset(segment, range.startOffset) : 0;
  const to = segment.node === range.endContainer ? segmentOffset(segment, range.endOffset) : segment.length;
  return to > from ? { start: segment.start + from, end: segment.start + to } : null;
}
