import type { SentenceSpan } from './sentences';

/**
 * Verbatim quotes. The database records each source's exact words, so where a page reproduces a
 * quote, the quote itself says which claim the passage states and how far the passage runs, even
 * across sentences ("… entered Venezuela. We are looking for them."). Fuzzy matching is the fallback.
 */

const FOLD: Record<string, string> = { '‘': "'", '’': "'", '“': '"', '”': '"', '–': '-', '—': '-', '\u00a0': ' ' };
const FOLDED = /[‘’“”–—]/g;
const SPACES = /[ \n\t\r\u00a0]+/g;

/** Folds quotes, dashes, case and runs of whitespace, char by char; `at[i]` is the original offset of folded char i. */
function flattenChars(text: string): { flat: string; at: number[] } {
  const lower = text.toLowerCase();
  // toLowerCase keeps UTF-16 length for nearly all text; when it does not, fold char by char.
  const same = lower.length === text.length;
  const chars: string[] = [];
  const at: number[] = [];
  let space = false;
  for (let i = 0; i < text.length; i++) {
    let c = same ? lower[i]! : text[i]!.toLowerCase()[0]!;
    c = FOLD[c] ?? c;
    if (c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\u00a0') {
      if (space) continue;
      c = ' ';
      space = true;
    } else space = false;
    chars.push(c);
    at.push(i);
  }
  return { flat: chars.join(''), at };
}

/**
 * Folds quotes, dashes, case and runs of whitespace; `at(i)` is the original offset of folded char
 * i. The folded text is made with two native replaces; the offsets, only when asked for (a quote
 * was found), by the char-by-char pass, which gives the same text.
 */
export function flatten(text: string): { flat: string; at(i: number): number } {
  const lower = text.toLowerCase();
  if (lower.length !== text.length) {
    const chars = flattenChars(text);
    return { flat: chars.flat, at: (i) => chars.at[i]! };
  }
  let offsets: number[] | undefined;
  return {
    flat: lower.replace(FOLDED, (c) => FOLD[c]!).replace(SPACES, ' '),
    at: (i) => (offsets ??= flattenChars(text).at)[i]!,
  };
}

/** The flattened form a quote is stored in, in the index. */
export function flattenQuote(quote: string): string {
  return flatten(quote.trim()).flat;
}

/**
 * Finds the quote's occurrence overlapping sentence `i` and returns the run of sentences it covers,
 * as [first, last] sentence indexes, or null when the page does not carry the quote there. Only a
 * window around the sentence is flattened and searched, so the cost per sentence never grows with
 * the page.
 */
export function quoteRun(text: string, spans: SentenceSpan[], i: number, quote: string): [number, number] | null {
  const span = spans[i]!;
  // The quote may begin in an earlier sentence; its raw text is at most a little longer than its flat form.
  const reach = 2 * quote.length + 16;
  const offset = Math.max(0, span.start - reach);
  const page = flatten(text.slice(offset, Math.min(text.length, span.end + reach)));
  for (let at = 0; ; at++) {
    const found = page.flat.indexOf(quote, at);
    if (found < 0) return null;
    const start = offset + page.at(found);
    const end = offset + page.at(found + quote.length - 1) + 1;
    if (start >= span.end) return null;
    if (end > span.start) {
      let first = i;
      let last = i;
      while (first > 0 && spans[first - 1]!.end > start) first--;
      while (last + 1 < spans.length && spans[last + 1]!.start < end) last++;
      return [first, last];
    }
    at = found;
  }
}
