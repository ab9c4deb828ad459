import type { SentenceSpan } from './sentences';

/**
 * Verbatim quotes. The database records each source's exact words, so where a page reproduces a
 * quote, the quote itself says which claim the passage states and how far the passage runs, even
 * across sentences ("… entered Venezuela. We are looking for them."). Fuzzy matching is the fallback.
 */

const FOLD: Record<string, string> = { '‘': "'", '’': "'", '“': '"', '”': '"', '–': '-', '—': '-', '\u00a0': ' ' };

/** Folds quotes, dashes, case and runs of whitespace; `at[i]` is the original offset of folded char i. */
export function flatten(text: string): { flat: string; at: number[] } {
  let flat = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = FOLD[text[i]!] ?? text[i]!;
    if (/\s/.test(c)) {
      if (flat.endsWith(' ')) continue;
      flat += ' ';
    } else flat += c.length === 1 ? c.toLowerCase().slice(0, 1) : c;
    at.push(i);
  }
  return { flat, at };
}

/** The flattened form a quote is stored in, in the index. */
export function flattenQuote(quote: string): string {
  return flatten(quote.trim()).flat;
}

/**
 * Finds the quote's occurrence overlapping sentence `i` and returns the run of sentences it covers,
 * as [first, last] sentence indexes, or null when the page does not carry the quote there.
 */
export function quoteRun(
  page: { flat: string; at: number[] },
  spans: SentenceSpan[],
  i: number,
  quote: string,
): [number, number] | null {
  const span = spans[i]!;
  // Search from a little before the sentence: the quote may begin in an earlier sentence.
  let from = Math.max(0, lowerBound(page.at, span.start) - quote.length);
  for (;;) {
    const k = page.flat.indexOf(quote, from);
    if (k < 0) return null;
    const start = page.at[k]!;
    const end = page.at[k + quote.length - 1]! + 1;
    if (start >= span.end) return null;
    if (end > span.start) {
      let first = i;
      let last = i;
      while (first > 0 && spans[first - 1]!.end > start) first--;
      while (last + 1 < spans.length && spans[last + 1]!.start < end) last++;
      return [first, last];
    }
    from = k + 1;
  }
}

function lowerBound(xs: number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
