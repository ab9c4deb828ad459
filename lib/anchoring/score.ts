import type { TextSelectors } from './describe';
import { bestEnds, compile, type Meter, type Pattern } from './myers';

/** A candidate place for a quote in the page text, with the edits that the quote needs there. */
export type Candidate = { start: number; end: number; errors: number };

// Weights as in Hypothesis's match-quote: the quote itself matters most, then its context, and
// the old position only breaks ties.
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const TOTAL = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

/**
 * How well `actual` holds `expected` (0–1): 1 when it holds it exactly, less by edit distance.
 * Missing context (`expected` empty) counts as matching, as in Hypothesis.
 */
function similarity(actual: string, expected: string, pattern: () => Pattern, meter: Meter): number {
  if (expected.length === 0 || actual === expected) return 1;
  if (actual.length === 0) return 0;
  const unlimited: Meter = { work: 0, limit: Infinity, limited: false };
  const best = bestEnds(actual, 0, actual.length, pattern(), expected.length, 0, 1, unlimited);
  meter.work += unlimited.work;
  return best ? 1 - best.errors / expected.length : 0;
}

function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/**
 * A scorer (0–1) for one note's candidates: how close the quote is, how well the text before and
 * after matches the stored prefix and suffix, and how near the candidate is to `hint`, the stored
 * position. Context patterns are compiled once per note, and only if some context differs.
 */
export function scorer(text: string, { quote }: TextSelectors, hint: number | undefined, meter: Meter): (c: Candidate) => number {
  const { exact, prefix, suffix } = quote;
  const prefixPattern = lazy(() => compile(prefix));
  const suffixPattern = lazy(() => compile(suffix));
  return (c) => {
    const before = text.slice(Math.max(0, c.start - prefix.length), c.start);
    const after = text.slice(c.end, c.end + suffix.length);
    const positionScore = hint === undefined ? 1 : 1 - Math.abs(c.start - hint) / Math.max(1, text.length);
    const raw =
      QUOTE_WEIGHT * (1 - c.errors / exact.length) +
      PREFIX_WEIGHT * similarity(before, prefix, prefixPattern, meter) +
      SUFFIX_WEIGHT * similarity(after, suffix, suffixPattern, meter) +
      POSITION_WEIGHT * positionScore;
    return raw / TOTAL;
  };
}

/** The best-scoring candidate (the first of equals), or undefined when there is none. */
export function best(candidates: readonly Candidate[], score: (c: Candidate) => number): Candidate | undefined {
  let top: Candidate | undefined;
  let topScore = -Infinity;
  for (const c of candidates) {
    const s = score(c);
    if (s > topScore) [top, topScore] = [c, s];
  }
  return top;
}
