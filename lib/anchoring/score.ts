import search from 'approx-string-match';
import type { TextSelectors } from './describe';

/** A candidate place for a quote in the page text. */
export type Candidate = { start: number; end: number; errors: number };

// Weights as in Hypothesis's match-quote: the quote itself matters most, then its context, and
// the old position only breaks ties.
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;

/** Similarity (0–1) of `expected` to the best-matching part of `actual`, by edit distance. */
export function similarity(actual: string, expected: string): number {
  if (expected.length === 0) return 1;
  if (actual.length === 0) return 0;
  const best = search(actual, expected, expected.length)[0];
  return best ? 1 - best.errors / expected.length : 0;
}

/**
 * Scores a candidate (0–1): how close the quote is, how well the text before and after it matches
 * the stored prefix and suffix, and how near it is to the stored position.
 */
export function scoreCandidate(text: string, c: Candidate, selectors: TextSelectors): number {
  const { exact, prefix, suffix } = selectors.quote;
  const quoteScore = 1 - c.errors / exact.length;
  const before = text.slice(Math.max(0, c.start - prefix.length), c.start);
  const after = text.slice(c.end, c.end + suffix.length);
  const hint = selectors.position?.start;
  const positionScore = hint === undefined ? 1 : 1 - Math.abs(c.start - hint) / Math.max(1, text.length);
  const raw =
    QUOTE_WEIGHT * quoteScore +
    PREFIX_WEIGHT * similarity(before, prefix) +
    SUFFIX_WEIGHT * similarity(after, suffix) +
    POSITION_WEIGHT * positionScore;
  return raw / (QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT);
}

/** The best-scoring candidate, or undefined when there is none. */
export function bestCandidate(text: string, candidates: Candidate[], selectors: TextSelectors): Candidate | undefined {
  let best: Candidate | undefined;
  let bestScore = -Infinity;
  for (const c of candidates) {
    const score = scoreCandidate(text, c, selectors);
    if (score > bestScore) [best, bestScore] = [c, score];
  }
  return best;
}
