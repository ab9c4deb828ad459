import { newBudget, parseInline, type Inline, type ParseBudget } from './markdown-inline';

/**
 * A small, safe Markdown parser for note text. It produces a tree (never HTML) that a renderer
 * turns into elements, so that no HTML or script in a note can ever run: raw HTML stays text and
 * links keep only http, https and mailto. Covers what notes need: paragraphs, headings, emphasis,
 * strong, code, code blocks, lists, block quotes, links and rules; not tables or raw HTML.
 */

export { isSafeHref, MAX_INLINE_DEPTH, parseInline, type Inline } from './markdown-inline';

/** A block node of the tree. */
export type Block =
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: Inline[] }
  | { type: 'code_block'; text: string; lang: string }
  | { type: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { type: 'blockquote'; children: Block[] }
  | { type: 'rule' };

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)/;
const HEADING = /^ {0,3}(#{1,6})(?:\s+(.*?))?(?:\s+#+)?\s*$/;
const RULE = /^ {0,3}([-*_])(?:\s*\1){2,}\s*$/;
const QUOTE = /^ {0,3}> ?/;
const ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])(\s+|$)/;
/** Deepest nesting parsed; deeper text stays literal (keeps a hostile note from blowing the stack). */
const MAX_DEPTH = 20;

const blank = (line: string) => line.trim() === '';
const startsBlock = (line: string) =>
  FENCE.test(line) || HEADING.test(line) || RULE.test(line) || QUOTE.test(line) || ITEM.test(line);

/** Parses list items starting at `lines[at]`; returns the list and the index after it. */
function parseList(lines: string[], at: number, depth: number, budget: ParseBudget): [Block, number] {
  const first = ITEM.exec(lines[at]!)!;
  const ordered = /\d/.test(first[2]!);
  const items: Block[][] = [];
  let i = at;
  while (i < lines.length) {
    const m = ITEM.exec(lines[i]!);
    if (!m || /\d/.test(m[2]!) !== ordered) break;
    const indent = m[0].length;
    const content = [lines[i]!.slice(indent)];
    i++;
    // Continuation: lines indented under the item (blank lines too, when the next line is
    // indented), or lazy lines of its paragraph that start no block of their own.
    const need = Math.min(indent, m[1]!.length + 2);
    const indented = (l: string) => !blank(l) && l.search(/\S/) >= need;
    while (i < lines.length) {
      const line = lines[i]!;
      if (indented(line)) content.push(line.slice(Math.min(indent, line.search(/\S/))));
      else if (blank(line) && indented(lines[i + 1] ?? '')) content.push('');
      else if (!blank(line) && !startsBlock(line) && !blank(content.at(-1)!)) content.push(line);
      else break;
      i++;
    }
    items.push(parseBlocks(content.join('\n'), depth + 1, budget));
    while (i < lines.length && blank(lines[i]!) && i + 1 < lines.length && ITEM.test(lines[i + 1]!)) i++;
  }
  return [{ type: 'list', ordered, start: ordered ? parseInt(first[2]!, 10) : 1, items }, i];
}

/** Parses Markdown text into blocks; `budget` bounds the inline parsing of the whole note. */
export function parseBlocks(src: string, depth = 0, budget: ParseBudget = newBudget()): Block[] {
  const lines = src.replace(/\r\n?/g, '\n').split('\n');
  const out: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    let m: RegExpExecArray | null;
    if (blank(line)) i++;
    else if (depth >= MAX_DEPTH) {
      out.push({ type: 'paragraph', children: [{ type: 'text', text: lines.slice(i).join('\n') }] });
      break;
    } else if ((m = FENCE.exec(line))) {
      const fence = m[1]!;
      const end = lines.findIndex((l, j) => j > i && l.trimStart().startsWith(fence[0]!.repeat(fence.length)));
      const stop = end < 0 ? lines.length : end;
      out.push({ type: 'code_block', lang: m[2] ?? '', text: lines.slice(i + 1, stop).join('\n') });
      i = stop + 1;
    } else if ((m = HEADING.exec(line))) {
      out.push({ type: 'heading', level: m[1]!.length as 1, children: parseInline(m[2] ?? '', budget) });
      i++;
    } else if (RULE.test(line)) {
      out.push({ type: 'rule' });
      i++;
    } else if (QUOTE.test(line)) {
      const quoted: string[] = [];
      while (i < lines.length && !blank(lines[i]!) && (QUOTE.test(lines[i]!) || !startsBlock(lines[i]!))) {
        quoted.push(lines[i]!.replace(QUOTE, ''));
        i++;
      }
      out.push({ type: 'blockquote', children: parseBlocks(quoted.join('\n'), depth + 1, budget) });
    } else if (ITEM.test(line)) {
      const [list, next] = parseList(lines, i, depth, budget);
      out.push(list);
      i = next;
    } else {
      const para: string[] = [];
      while (i < lines.length && !blank(lines[i]!) && (para.length === 0 || !startsBlock(lines[i]!))) para.push(lines[i++]!.trim());
      out.push({ type: 'paragraph', children: parseInline(para.join('\n'), budget) });
    }
  }
  return out;
}

/**
 * Parses a note's Markdown into a tree of blocks (the public entry): nesting is at most MAX_DEPTH
 * blocks and MAX_INLINE_DEPTH inlines deep, and the work is bounded (see PARSE_BUDGET), whatever
 * the note holds.
 */
export const parseMarkdown = (src: string): Block[] => parseBlocks(src, 0, newBudget());
