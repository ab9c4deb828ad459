import search from 'approx-string-match';
import type { TextSelectors } from './describe';
import { bestCandidate, type Candidate } from './score';

/** Where a note's text was found again, and how. */
export type Anchor = { start: number; end: number; method: 'position' | 'quote' | 'fuzzy' };

/** Most exact occurrences scored; a quote repeated more often than this is effectively ambiguous. */
const MAX_OCCURRENCES = 1000;

/**
 * Fuzzy error budget for a quote: a quarter of its length (Hypothesis allows half; a quarter still
 * absorbs a changed word but keeps a removed quote from matching unrelated text), capped at 256 as
 * in Hypothesis. Short quotes (under 4 characters) get no fuzzy budget.
 */
export function fuzzyBudget(quoteLength: number): number {
  return Math.min(256, Math.floor(quoteLength / 4));
}

function exactOccurrences(text: string, exact: string): Candidate[] {
  const found: Candidate[] = [];
  for (let at = text.indexOf(exact); at !== -1 && found.length < MAX_OCCURRENCES; at = text.indexOf(exact, at + 1)) {
    found.push({ start: at, end: at + exact.length, errors: 0 });
  }
  return found;
}

/**
 * Finds a note's text again in the page text (Hypothesis-style), cheapest way first:
 * 1. by position, when the text there still equals the quote (the page did not change);
 * 2. by exact quote, choosing among repeats by prefix/suffix context and nearness to the position;
 * 3. by fuzzy match (approx-string-match, within `fuzzyBudget` errors), scored the same way.
 * Returns null when the text is gone: the caller lists the note as "not found", never deletes it.
 */
export function anchor(text: string, selectors: TextSelectors): Anchor | null {
  const { exact } = selectors.quote;
  const pos = selectors.position;
  if (exact.length === 0 || text.length === 0) return null;
  if (pos && pos.end - pos.start === exact.length && text.slice(pos.start, pos.end) === exact) {
    return { start: pos.start, end: pos.end, method: 'position' };
  }
  const occurrences = exactOccurrences(text, exact);
  const exactHit = occurrences.length === 1 ? occurrences[0] : bestCandidate(text, occurrences, selectors);
  if (exactHit) return { start: exactHit.start, end: exactHit.end, method: 'quote' };
  const budget = fuzzyBudget(exact.length);
  if (budget === 0) return null;
  const fuzzyHit = bestCandidate(text, search(text, exact, budget), selectors);
  return fuzzyHit ? { start: fuzzyHit.start, end: fuzzyHit.end, method: 'fuzzy' } : null;
}
