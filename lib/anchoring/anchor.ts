import type { TextSelectors } from './describe';
import { exactOccurrences } from './exact';
import { anchoredDistances, bestEnds, compile, type Ends, type Meter } from './myers';
import { best, scorer, type Candidate } from './score';

/** Where a note's text was found again, and how. */
export type Anchor = { start: number; end: number; method: 'position' | 'quote' | 'fuzzy' };

/**
 * How one note was anchored: where (null when not found), the work it took in block steps of the
 * bit-parallel search (32 pattern characters against one text character), and whether a bound kept
 * the fuzzy search from covering the whole page (a quote too long to fuzzy-match, or the budget).
 */
export type AnchorReport = { anchor: Anchor | null; work: number; limited: boolean };

/** Characters either side of the stored position searched first, exactly and then fuzzily. */
export const NEAR = 2048;
/** Most exact occurrences scored; a quote repeated more often is found near its position or not. */
export const MAX_OCCURRENCES = 1000;
/** Longest quote matched fuzzily; a longer one is found by position and exact quote only. */
export const MAX_FUZZY_QUOTE = 2000;
/** Work allowed per note (see AnchorReport): about 10 ms on the 2-core development machine. */
export const MAX_WORK = 500_000;
/** Equally good fuzzy matches kept, the nearest to the stored position. */
const FUZZY_CANDIDATES = 8;

/**
 * Fuzzy error budget for a quote: a quarter of its length (Hypothesis allows half; a quarter still
 * absorbs a changed word but keeps a removed quote from matching unrelated text), capped at 256 as
 * in Hypothesis. Short quotes (under 4 characters) get no fuzzy budget.
 */
export function fuzzyBudget(quoteLength: number): number {
  return Math.min(256, Math.floor(quoteLength / 4));
}

/** The exact occurrences of `exact` in text[from, to), at most MAX_OCCURRENCES. */
function occurrences(text: string, exact: string, from: number, to: number): Candidate[] {
  [from, to] = [Math.max(0, from), Math.min(text.length, to)];
  const region = from === 0 && to === text.length ? text : text.slice(from, to);
  return exactOccurrences(region, exact, MAX_OCCURRENCES).map((at) => ({ start: from + at, end: from + at + exact.length, errors: 0 }));
}

/**
 * The exact quote: near the stored position with all its context if it is there (then nothing else
 * can score better, short of a nearer one), else the best-scoring occurrence anywhere.
 */
function findExact(text: string, { quote }: TextSelectors, hint: number | undefined, score: (c: Candidate) => number) {
  const { exact, prefix, suffix } = quote;
  const near = hint === undefined ? [] : occurrences(text, exact, hint - NEAR, hint + exact.length + NEAR);
  const inContext = near.filter((c) => text.endsWith(prefix, c.start) && text.startsWith(suffix, c.end));
  if (inContext.length > 0) return best(inContext, (c) => -Math.abs(c.start - hint!));
  const all = occurrences(text, exact, 0, text.length);
  if (all.length === MAX_OCCURRENCES) {
    const seen = new Set(all.map((c) => c.start));
    all.push(...near.filter((c) => !seen.has(c.start)));
  }
  return best(all, score);
}

/** The widest window around the stored position (or from the top) that the work left allows. */
function wideWindow(length: number, quoteLength: number, errors: number, hint: number | undefined, meter: Meter): [number, number] {
  const reach = Math.floor((meter.limit - meter.work) / Math.ceil((errors + 1) / 32)); // blocks per character, typically
  const centre = hint === undefined ? 0 : hint + quoteLength / 2;
  const from = Math.max(0, Math.min(length - reach, Math.round(centre - reach / 2)));
  return [from, Math.min(length, from + reach)];
}

const reverse = (s: string) => s.split('').reverse().join('');

/**
 * Where the matches found by `bestEnds` start: the longest text ending there that holds the quote
 * with the fewest errors. Nearest to the position first, in case the work budget runs out.
 */
function withStarts(text: string, exact: string, found: Ends, near: number, meter: Meter): Candidate[] {
  const reversed = compile(reverse(exact));
  const candidates: Candidate[] = [];
  for (const end of found.ends.sort((a, b) => Math.abs(a - near) - Math.abs(b - near))) {
    if (candidates.length > 0 && meter.work >= meter.limit) break;
    const from = Math.max(0, end - exact.length - found.errors);
    const distances = anchoredDistances(reverse(text.slice(from, end)), reversed, meter);
    let length = 1;
    for (let j = 2; j <= distances.length; j++) if (distances[j - 1]! <= distances[length - 1]!) length = j;
    candidates.push({ start: end - length, end, errors: distances[length - 1]! });
  }
  return candidates;
}

/**
 * Approximate matches of the quote (Myers's search), near the stored position first, then as
 * widely as the rest of the work budget allows; the best by score.
 */
function findFuzzy(text: string, exact: string, hint: number | undefined, score: (c: Candidate) => number, meter: Meter) {
  const maxErrors = fuzzyBudget(exact.length);
  if (maxErrors === 0) return undefined;
  if (exact.length > MAX_FUZZY_QUOTE) {
    meter.limited = true;
    return undefined;
  }
  const pattern = compile(exact);
  const near = (hint ?? 0) + exact.length;
  const search = (from: number, to: number) => {
    const found = bestEnds(text, Math.max(0, from), Math.min(text.length, to), pattern, maxErrors, near, FUZZY_CANDIDATES, meter);
    return found ? best(withStarts(text, exact, found, near, meter), score) : undefined;
  };
  const nearby = hint === undefined ? undefined : search(hint - NEAR, hint + exact.length + NEAR);
  if (nearby) return nearby;
  const [from, to] = wideWindow(text.length, exact.length, maxErrors, hint, meter);
  if (to - from < text.length) meter.limited = true;
  return search(from, to);
}

/** The position selector's start, if it is a usable offset; past the end of the text, the end. */
function hintOf({ position }: TextSelectors, length: number): number | undefined {
  const start = position?.start;
  return Number.isInteger(start) && start! >= 0 ? Math.min(start!, length) : undefined;
}

/**
 * Finds a note's text again in the page text (after Hypothesis), cheapest way first, and reports
 * the work it took:
 * 1. by position, when the text there still equals the quote (the page did not change);
 * 2. by exact quote: near the stored position with its context, else the best occurrence anywhere;
 * 3. by fuzzy match (Myers's bit-parallel search, within `fuzzyBudget` errors): near the position,
 *    then as far as MAX_WORK allows. Quotes over MAX_FUZZY_QUOTE characters skip this step.
 * Candidates are scored by quote, context and nearness. Never throws, whatever the text and the
 * selectors' values.
 */
export function locate(text: string, selectors: TextSelectors): AnchorReport {
  const meter: Meter = { work: 0, limit: MAX_WORK, limited: false };
  const exact = selectors.quote.exact;
  const hint = hintOf(selectors, text.length);
  const report = (found: Candidate | undefined, method: Anchor['method']): AnchorReport => ({
    anchor: found ? { start: found.start, end: found.end, method } : null,
    work: meter.work,
    limited: meter.limited,
  });
  if (exact.length === 0 || text.length === 0) return report(undefined, 'quote');
  if (hint !== undefined && text.startsWith(exact, hint)) return report({ start: hint, end: hint + exact.length, errors: 0 }, 'position');
  const score = scorer(text, selectors, hint, meter);
  const exactHit = findExact(text, selectors, hint, score);
  if (exactHit) return report(exactHit, 'quote');
  return report(findFuzzy(text, exact, hint, score, meter), 'fuzzy');
}

/**
 * Finds a note's text again (see `locate`): its offsets and how it was found, or null when the
 * text is gone. The caller lists such a note as "not found", never deletes it. Bounded by MAX_WORK,
 * so one call stays short even on a 1 MB page; `anchorAll` anchors a page's notes in short tasks.
 */
export function anchor(text: string, selectors: TextSelectors): Anchor | null {
  return locate(text, selectors).anchor;
}
