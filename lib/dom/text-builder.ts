/**
 * Builds the text of one block (a paragraph, a heading…) from its text nodes as a reader sees it:
 * white space collapsed as CSS does, with a map from every character back to its text node.
 */

/**
 * A text node's part of a block's text: `length` characters from `start`. Where white space was
 * collapsed the characters no longer sit at the same offsets in the node: `map` then lists
 * `[textOffset, nodeOffset, …]` pairs, relative to the segment, at each point where the two part.
 */
export type Segment = { node: Text; start: number; length: number; map?: number[] };

/** Text read from the page and where each part of it came from. */
export type PageText = { text: string; segments: Segment[] };

/**
 * How an element lays out white space (CSS `white-space`): `normal` collapses runs of spaces, tabs
 * and newlines into one space; `pre` keeps everything; `pre-line` keeps newlines only.
 */
export type WhiteSpace = 'normal' | 'pre' | 'pre-line';

/** Collapsible white space: spaces, tabs, line feeds (and the rare CR and FF). Not NBSP. */
const SPACES = /[ \t\n\r\f]+/g;

/** The offset in the node of `at` characters into the segment (its length: just after its end). */
export function nodeOffset(segment: Segment, at: number): number {
  const map = segment.map;
  if (!map) return at;
  let i = map.length - 2;
  while (i > 0 && map[i]! > at) i -= 2;
  return map[i + 1]! + (at - map[i]!);
}

/** The offset in the segment of an offset in its node (inside collapsed white space: its start). */
export function segmentOffset(segment: Segment, offset: number): number {
  const map = segment.map ?? [0, 0];
  if (offset <= map[1]!) return 0;
  let i = map.length - 2;
  while (i > 0 && map[i + 1]! > offset) i -= 2;
  const end = i + 2 < map.length ? map[i + 2]! : segment.length;
  return Math.min(map[i]! + (offset - map[i + 1]!), end);
}

/** Accumulates one block's text; `finish` returns it. */
export class TextBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  private readonly segments: Segment[] = [];
  /** Where a collapsed space is owed, written only if more text follows on the same line. */
  private space: { node: Text; at: number } | null = null;
  /** Line breaks owed (`<br>`, newlines kept by `pre-line`), written only if more text follows. */
  private breaks = 0;

  /** True when nothing has been written yet. */
  get isEmpty(): boolean {
    return this.length === 0;
  }

  /** Adds a text node's data, laid out as `mode` says. */
  text(node: Text, mode: WhiteSpace): void {
    const data = node.data;
    if (mode === 'pre') {
      if (data.length > 0) this.write(node, 0, data);
    } else if (mode === 'pre-line') {
      this.preLine(node, data);
    } else {
      this.collapse(node, data);
    }
  }

  /**
   * White space collapsed in one pass per node (one native replace, no work per word): a leading
   * space is owed to the text before, a trailing one to the text after, and only runs of two or
   * more characters move the later characters in the map.
   */
  private collapse(node: Text, data: string): void {
    let first = 0;
    while (first < data.length && isSpace(data.charCodeAt(first))) first++;
    if (first === data.length) {
      if (data.length > 0) this.owe(node, 0);
      return;
    }
    let end = data.length;
    while (isSpace(data.charCodeAt(end - 1))) end--;
    if (first > 0) this.owe(node, 0);
    const inner = first === 0 && end === data.length ? data : data.slice(first, end);
    let text = inner;
    let map: number[] | undefined;
    // Most text has single spaces between words only: then it is written as it is.
    if (NEEDS_COLLAPSE.test(inner)) {
      text = inner.replace(SPACES, ' ');
      if (text.length !== inner.length) {
        map = [0, first];
        let shift = 0;
        LONG_SPACES.lastIndex = 0;
        for (let run = LONG_SPACES.exec(inner); run; run = LONG_SPACES.exec(inner)) {
          const at = run.index - shift; // where the run's one space is in `text`
          map.push(at + 1, first + run.index + run[0].length);
          shift += run[0].length - 1;
        }
      }
    }
    this.write(node, first, text, map);
    if (end < data.length) this.owe(node, end);
  }

  /** `pre-line`: spaces collapse, newlines stay (as line breaks). */
  private preLine(node: Text, data: string): void {
    let from = 0;
    for (const run of data.matchAll(SPACES)) {
      if (run.index > from) this.write(node, from, data.slice(from, run.index));
      const newlines = countNewlines(run[0]);
      if (newlines > 0) for (let i = 0; i < newlines; i++) this.lineBreak();
      else this.owe(node, run.index);
      from = run.index + run[0].length;
    }
    if (from < data.length) this.write(node, from, from === 0 ? data : data.slice(from));
  }

  /** A collapsible space at `at` in `node`, written only if text follows on the same line. */
  private owe(node: Text, at: number): void {
    if (this.length > 0 && this.breaks === 0) this.space ??= { node, at };
  }

  /** A forced line break (`<br>`): white space before it is dropped, and at the block's start it is ignored. */
  lineBreak(): void {
    this.space = null;
    if (this.length > 0) this.breaks++;
  }

  /** The block's text; owed white space at its end is dropped, as CSS drops it at a line's end. */
  finish(): PageText {
    return { text: this.parts.join(''), segments: this.segments };
  }

  /** Writes `text`, from `at` in `node`; `map` pairs are relative to `text` (see Segment), `[0, at]` first. */
  private write(node: Text, at: number, text: string, map?: number[]): void {
    if (this.breaks > 0) this.plain('\n'.repeat(this.breaks));
    else if (this.space) this.append(this.space.node, this.space.at, ' ');
    this.breaks = 0;
    this.space = null;
    this.append(node, at, text, map);
  }

  /** Text that maps to no node (line breaks): offsets in it fall between segments. */
  private plain(text: string): void {
    this.parts.push(text);
    this.length += text.length;
  }

  private append(node: Text, at: number, text: string, map?: number[]): void {
    let segment = this.segments.at(-1);
    if (!segment || segment.node !== node || segment.start + segment.length !== this.length) {
      segment = { node, start: this.length, length: 0 };
      if (map) segment.map = map;
      else if (at !== 0) segment.map = [0, at];
      this.segments.push(segment);
    } else if (map || nodeOffset(segment, segment.length) !== at) {
      const pairs = (segment.map ??= [0, 0]);
      const base = segment.length;
      if (map) for (let i = 0; i < map.length; i += 2) pairs.push(base + map[i]!, map[i + 1]!);
      else pairs.push(base, at);
    }
    segment.length += text.length;
    this.plain(text);
  }
}

const isSpace = (ch: number) => ch === 32 || ch === 10 || ch === 9 || ch === 13 || ch === 12;

/** Runs of collapsible white space that are more than one character: they shorten the text. */
const LONG_SPACES = /[ \t\n\r\f]{2,}/g;
/** White space that collapsing changes: anything but a single space. */
const NEEDS_COLLAPSE = /[\t\n\r\f]| {2}/;

function countNewlines(run: string): number {
  let n = 0;
  for (const ch of run) if (ch === '\n') n++;
  return n;
}
