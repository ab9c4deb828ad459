/**
 * Inline Markdown (emphasis, strong, code, links) to a tree. Part of the safe Markdown parser for
 * notes (see markdown.ts): the output is data, never HTML, and links keep only safe schemes. A
 * note syncs to every device and is rendered in every list, so its work is bounded: nesting
 * deeper than MAX_INLINE_DEPTH, and anything after the note's work budget is spent, stays text.
 */

/** An inline node: text, emphasis, strong, code span, link or hard line break. */
export type Inline =
  | { type: 'text'; text: string }
  | { type: 'em' | 'strong'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'link'; href: string; children: Inline[] }
  | { type: 'break' };

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * True for absolute http, https and mailto URLs only: never `javascript:`, `data:` or relative
 * links (which would resolve inside the extension). Why allow-list: deny-lists miss encodings.
 */
export function isSafeHref(href: string): boolean {
  // Control characters and spaces can hide a scheme from browsers' URL parsers.
  // oxlint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(href)) return false;
  try {
    return SAFE_PROTOCOLS.has(new URL(href).protocol);
  } catch {
    return false;
  }
}

const ESCAPABLE = /[\\`*_{}[\]()#+\-.!<>|~"']/;

/** Deepest nesting of emphasis and links parsed; deeper text stays literal. */
export const MAX_INLINE_DEPTH = 10;
/**
 * Characters a note's parse may scan in all (searching for closing delimiters, say): about a
 * hundred passes over the longest note. Ordinary notes use a small fraction; a note built to make
 * every opener search to its end (quadratic) reaches it, and its rest is shown as text.
 */
export const PARSE_BUDGET = 1_000_000;

/** The work left for one note's parse, shared by all its paragraphs. */
export type ParseBudget = { left: number };
/** A fresh budget for one note. */
export const newBudget = (): ParseBudget => ({ left: PARSE_BUDGET });
const BARE_URL = /^https?:\/\/[^\s<>"]*[^\s<>".,:;!?'")\]]/;

/**
 * The `]` closing each `[` (nested brackets and escapes allowed), in one pass: searching from each
 * `[` in turn is quadratic on a note of unclosed brackets.
 */
function bracketPairs(src: string): Map<number, number> {
  const pairs = new Map<number, number>();
  const open: number[] = [];
  for (let i = 0; i < src.length; i++) {
    if (src[i] === '\\') i++;
    else if (src[i] === '[') open.push(i);
    else if (src[i] === ']' && open.length) pairs.set(open.pop()!, i);
  }
  return pairs;
}

/**
 * Parses inline Markdown into nodes. Anything that does not parse stays literal text, as does
 * anything nested deeper than MAX_INLINE_DEPTH or left when `budget` runs out.
 */
export function parseInline(src: string, budget: ParseBudget = newBudget(), depth = 0): Inline[] {
  if (depth >= MAX_INLINE_DEPTH || budget.left <= 0) return src ? [{ type: 'text', text: src }] : [];
  budget.left -= src.length;
  const brackets = bracketPairs(src);
  /** `indexOf`, paying for the characters it scans. */
  const find = (what: string, from: number) => {
    const at = src.indexOf(what, from);
    budget.left -= (at < 0 ? src.length : at) - from;
    return at;
  };
  const out: Inline[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ type: 'text', text });
    text = '';
  };
  const push = (node: Inline) => (flush(), out.push(node));
  let i = 0;
  while (i < src.length) {
    if (budget.left <= 0) {
      text += src.slice(i); // the note's work is spent: the rest is shown as written
      break;
    }
    const ch = src[i]!;
    const rest = src.slice(i);
    if (ch === '\\' && src[i + 1] === '\n') {
      push({ type: 'break' });
      i += 2;
    } else if (ch === '\\' && ESCAPABLE.test(src[i + 1] ?? '')) {
      text += src[i + 1];
      i += 2;
    } else if (ch === ' ' && /^ {2,}\n/.test(rest)) {
      push({ type: 'break' });
      i += rest.indexOf('\n') + 1;
    } else if (ch === '`') {
      const ticks = /^`+/.exec(rest)![0];
      const close = find(ticks, i + ticks.length);
      if (close < 0) {
        text += ticks;
        i += ticks.length;
      } else {
        push({ type: 'code', text: src.slice(i + ticks.length, close).replace(/^ (.*) $/s, '$1') });
        i = close + ticks.length;
      }
    } else if ((ch === '*' || ch === '_') && src[i + 1] !== ' ') {
      const strong = src[i + 1] === ch;
      const delim = strong ? ch + ch : ch;
      // `_` only opens at a word boundary, so snake_case stays text.
      const opens = ch === '*' || !/[\p{L}\p{N}]/u.test(src[i - 1] ?? '');
      let close = find(delim, i + delim.length + 1);
      while (close > 0 && budget.left > 0 && (src[close - 1] === ' ' || (!strong && src[close + 1] === ch))) {
        close = find(delim, close + (strong ? 1 : 2));
      }
      // In a run like `***`, strong closes on the last two, leaving the inner `*` to emphasis.
      if (strong && close > 0 && src[close + 2] === ch) close++;
      if (!opens || close < 0) {
        text += delim;
        i += delim.length;
      } else {
        push({ type: strong ? 'strong' : 'em', children: parseInline(src.slice(i + delim.length, close), budget, depth + 1) });
        i = close + delim.length;
      }
    } else if (ch === '[') {
      const close = brackets.get(i) ?? -1;
      const target = close < 0 ? null : /^\(\s*<?((?:[^\s()<>]|\([^\s()<>]*\))*)>?(?:\s+"[^"]*")?\s*\)/.exec(src.slice(close + 1));
      if (!target) {
        text += ch;
        i++;
      } else {
        const children = parseInline(src.slice(i + 1, close), budget, depth + 1);
        // An unsafe link keeps its words but loses the link.
        if (isSafeHref(target[1]!)) push({ type: 'link', href: target[1]!, children });
        else {
          flush();
          out.push(...children);
        }
        i = close + 1 + target[0].length;
      }
    } else if (ch === '<' && /^<[a-z]+:[^\s<>]+>/i.test(rest)) {
      const href = rest.slice(1, rest.indexOf('>'));
      if (isSafeHref(href)) push({ type: 'link', href, children: [{ type: 'text', text: href }] });
      else text += `<${href}>`;
      i += href.length + 2;
    } else if (ch === 'h' && BARE_URL.test(rest) && !/[\p{L}\p{N}]/u.test(src[i - 1] ?? '')) {
      const href = BARE_URL.exec(rest)![0];
      if (isSafeHref(href)) push({ type: 'link', href, children: [{ type: 'text', text: href }] });
      else text += href;
      i += href.length;
    } else {
      text += ch;
      i++;
    }
  }
  flush();
  return out;
}
