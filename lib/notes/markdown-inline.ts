/**
 * Inline Markdown (emphasis, strong, code, links) to a tree. Part of the safe Markdown parser for
 * notes (see markdown.ts): the output is data, never HTML, and links keep only safe schemes.
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
const BARE_URL = /^https?:\/\/[^\s<>"]*[^\s<>".,:;!?'")\]]/;

/** Finds `]` closing the `[` at `open`, allowing nested brackets and escapes. */
function closingBracket(src: string, open: number): number {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    if (src[i] === '\\') i++;
    else if (src[i] === '[') depth++;
    else if (src[i] === ']' && --depth === 0) return i;
  }
  return -1;
}

/** Parses inline Markdown into nodes. Anything that does not parse stays literal text. */
export function parseInline(src: string): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ type: 'text', text });
    text = '';
  };
  const push = (node: Inline) => (flush(), out.push(node));
  let i = 0;
  while (i < src.length) {
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
      const close = src.indexOf(ticks, i + ticks.length);
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
      let close = src.indexOf(delim, i + delim.length + 1);
      while (close > 0 && (src[close - 1] === ' ' || (!strong && src[close + 1] === ch))) {
        close = src.indexOf(delim, close + (strong ? 1 : 2));
      }
      // In a run like `***`, strong closes on the last two, leaving the inner `*` to emphasis.
      if (strong && close > 0 && src[close + 2] === ch) close++;
      if (!opens || close < 0) {
        text += delim;
        i += delim.length;
      } else {
        push({ type: strong ? 'strong' : 'em', children: parseInline(src.slice(i + delim.length, close)) });
        i = close + delim.length;
      }
    } else if (ch === '[') {
      const close = closingBracket(src, i);
      const target = close < 0 ? null : /^\(\s*<?((?:[^\s()<>]|\([^\s()<>]*\))*)>?(?:\s+"[^"]*")?\s*\)/.exec(src.slice(close + 1));
      if (!target) {
        text += ch;
        i++;
      } else {
        const children = parseInline(src.slice(i + 1, close));
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
