/**
 * The baseline for the re-anchoring benchmark: Hypothesis's own approach, as its client anchors a
 * note on HTML (src/annotator/anchoring/html.ts and match-quote.ts), written again here with
 * approx-string-match. The stored position is used when the text there still equals the quote;
 * otherwise every exact occurrence of the quote, or, when there is none, every best approximate
 * match within half the quote's length in errors (at most 256), is scored by the quote, by how well
 * the text before and after matches the stored context, and by nearness to the stored position.
 */
import search from 'approx-string-match';
import type { TextSelectors } from '@/lib/anchoring';

type Found = { start: number; end: number; errors: number };

/** Exact occurrences first (approx-string-match has no such shortcut), else approximate ones. */
function candidates(text: string, quote: string, maxErrors: number): Found[] {
  const exact: Found[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    exact.push({ start: at, end: at + quote.length, errors: 0 });
  }
  return exact.length > 0 ? exact : search(text, quote, maxErrors);
}

/** 1 for an exact match of `expected` somewhere in `actual`, less for each edit needed. */
function contextScore(actual: string, expected: string): number {
  if (expected.length === 0 || actual.length === 0) return 0;
  return 1 - candidates(actual, expected, expected.length)[0]!.errors / expected.length;
}

/** Hypothesis's anchoring of one note on a page's text: its offsets, or null when not found. */
export function hypothesisAnchor(text: string, { quote, position }: TextSelectors): { start: number; end: number } | null {
  const { exact, prefix, suffix } = quote;
  if (position && text.slice(position.start, position.end) === exact) return { start: position.start, end: position.end };
  if (exact.length === 0) return null;
  let best: { start: number; end: number } | null = null;
  let bestScore = -Infinity;
  for (const m of candidates(text, exact, Math.min(256, exact.length / 2))) {
    const score =
      50 * (1 - m.errors / exact.length) +
      20 * (prefix ? contextScore(text.slice(Math.max(0, m.start - prefix.length), m.start), prefix) : 1) +
      20 * (suffix ? contextScore(text.slice(m.end, m.end + suffix.length), suffix) : 1) +
      2 * (position ? 1 - Math.abs(m.start - position.start) / text.length : 1);
    if (score > bestScore) [best, bestScore] = [{ start: m.start, end: m.end }, score];
  }
  return best;
}
