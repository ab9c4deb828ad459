import type { Rating, Verdict } from './schema';

/**
 * A fact-check's verdict as one of five classes the card can show and the painter can act on:
 *
 * - `false`: the claim is wrong (False, Pants on Fire, Fake, Incorrect, Four Pinocchios…);
 * - `misleading`: mostly wrong or true only out of context (Mostly False, Misleading, Missing
 *   context, Exaggerated, Three Pinocchios…);
 * - `mixed`: partly right, partly wrong (Half True, Mixture, Partly false, Two Pinocchios…);
 * - `true`: right or mostly right (True, Mostly True, Correct, Accurate…);
 * - `unrated`: anything else (Unproven, Satire, no rating, words we do not know).
 *
 * The rating's words (`alternateName`) decide first, because they are what the fact-checker
 * wrote; its number (`ratingValue` on `worstRating`…`bestRating`) decides only when the words say
 * nothing we know. Unknown words are `unrated`, never guessed: only `false` is painted as a
 * conflict, so a wrong class costs the reader more than a missing one.
 */

/** The classes, from worst to best, then `unrated`. */
export const VERDICTS = ['false', 'misleading', 'mixed', 'true', 'unrated'] as const;

// Checked in this order, first match wins, so "Mostly false" is misleading before "false" makes it
// false, "Not true" is false before "true" makes it true, and "True but missing context" is
// misleading. Phrases are matched as whole words of the folded label (accents, case and
// punctuation dropped: "Half-true" reads "half true", "isn't" reads "isnt").
const PHRASES: [Exclude<Verdict, 'unrated'>, string[]][] = [
  ['mixed', ['half true', 'half false', 'half right', 'partly true', 'partly false', 'partially true',
    'partially false', 'mixture', 'mixed', 'some truth', 'two pinocchios', 'verdad a medias',
    'partiellement faux', 'teilweise falsch']],
  ['misleading', ['mostly false', 'misleading', 'missing context', 'needs context', 'lacks context',
    'out of context', 'exaggerated', 'exaggeration', 'distorted', 'distorts', 'cherry picked', 'miscaptioned',
    'three pinocchios', 'enganoso', 'trompeur', 'irrefuhrend']],
  ['false', ['pants on fire', 'false', 'fake', 'incorrect', 'inaccurate', 'wrong', 'untrue', 'not true',
    'isnt true', 'not correct', 'isnt correct', 'not accurate', 'not the case', 'fabricated', 'hoax', 'bogus',
    'baseless', 'unfounded', 'debunked', 'altered', 'manipulated', 'doctored', 'misattributed', 'scam',
    'four pinocchios', 'falso', 'faux', 'falsch']],
  ['true', ['true', 'mostly true', 'correct', 'accurate', 'mostly accurate', 'one pinocchio', 'geppetto',
    'verdadero', 'verdadeiro', 'vrai', 'richtig', 'wahr']],
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const RULES = PHRASES.map(([verdict, words]) => ({
  verdict,
  pattern: new RegExp(`(?:^| )(?:${words.map(escape).join('|')})(?: |$)`),
}));

/** Longest label read for words; a verdict is a few words, not an essay. */
const MAX_LABEL_READ = 500;

/** Lower case, no accents, no apostrophes, other punctuation as spaces: "Isn't Half-True!" → "isnt half true". */
function normalise(label: string): string {
  return label
    .slice(0, MAX_LABEL_READ)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The class a rating's words give, or `unrated` when they hold no verdict word we know. */
export function verdictFromLabel(label: string): Verdict {
  const words = normalise(label);
  return RULES.find((r) => r.pattern.test(words))?.verdict ?? 'unrated';
}

/**
 * The class a number gives on its scale: its place p from worst (0) to best (1), then p ≤ 0.2
 * false, ≤ 0.4 misleading, ≤ 0.6 mixed, else true. So on 1–5, 1 is false, 2 misleading, 3 mixed,
 * 4 and 5 true; on a six-step scale (Pants on Fire … True), False is false and Half True mixed.
 * `unrated` without a full scale, or when the value lies outside it (-1 is a common "no number").
 */
export function verdictFromScale(value: number | null, best: number | null, worst: number | null): Verdict {
  if (value === null || best === null || worst === null || best === worst) return 'unrated';
  if (value < Math.min(best, worst) || value > Math.max(best, worst)) return 'unrated';
  const p = (value - worst) / (best - worst);
  const near = 1e-9;
  if (p <= 0.2 + near) return 'false';
  if (p <= 0.4 + near) return 'misleading';
  if (p <= 0.6 + near) return 'mixed';
  return 'true';
}

/** One rating's class: its words first, then its number. */
export function verdictOfRating(rating: Rating): Verdict {
  const byWords = rating.label === null ? 'unrated' : verdictFromLabel(rating.label);
  return byWords !== 'unrated' ? byWords : verdictFromScale(rating.value, rating.best, rating.worst);
}

/** A fact-check's class: that of its first rating that has one (ratings can come as an array). */
export function verdictOf(ratings: readonly Rating[]): Verdict {
  for (const rating of ratings) {
    const verdict = verdictOfRating(rating);
    if (verdict !== 'unrated') return verdict;
  }
  return 'unrated';
}
