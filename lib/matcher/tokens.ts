import { buildLexicon, STOP_WORDS } from './synonyms';

/**
 * One word of a text, with its offsets (UTF-16 code units) and its normalised forms.
 * `lower` is folded for case, diacritics and curly quotes; `term` is the stemmed, synonym-folded
 * concept used for matching, or null for stop words, numbers and date words (those are read as facts).
 */
export interface Token {
  start: number;
  end: number;
  raw: string;
  lower: string;
  term: string | null;
}

// Model codes ("Tu-160", "IL-62") stay one token so their digits are never read as counts.
const WORD = /(?:\p{Lu}\.){2,}|\p{L}+-\d+\p{L}*|\d+(?:[.,]\d+)*|\p{L}+(?:['’]\p{L}+)*/gu;

/** Small suffix-stripper: enough to fold plurals and tenses ("landed", "lands", "landing" → "land"). */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  // "-ly" first, and never from "supply" or "family": the "-ly" of "reportedly", "nearly".
  if (w.length > 5 && w.endsWith('ly') && !/(?:pp|[^aeiou]i)ly$/.test(w) && !/ply$/.test(w)) w = w.slice(0, -2);
  if (/[^aeiou]ie[sd]$/.test(w) && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is|as)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  if (/([b-df-hj-np-tv-z])\1$/.test(w) && !/(?:ll|ss|ff|zz)$/.test(w)) w = w.slice(0, -1);
  // A final e drops only where "-ed"/"-ing" forms lose it too (arrive/arrived, force/forced), so
  // that "plane" never folds into "plan".
  if (/(?:[vcgzsu]|at|r)e$/.test(w)) w = w.slice(0, -1);
  return w;
}

const lexicon = buildLexicon(stem);

/** Words read as numbers or dates: they become facts, never matching terms. */
const FACT_WORDS = new Set(
  (
    'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen ' +
    'seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand ' +
    'thousands million millions billion dozen dozens couple pair handful several ' +
    'january february march april june july august september october november december ' +
    'monday tuesday wednesday thursday friday saturday sunday weekend morning afternoon evening night'
  ).split(' '),
);

/** Folds case, diacritics, curly apostrophes and a trailing possessive. */
export function fold(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/'s$/, '');
}

function termOf(raw: string, lower: string): string | null {
  if (raw === 'US' || raw === 'U.S.' || raw === 'U.S') return 'usa';
  if (/^\d/.test(lower) || STOP_WORDS.has(lower) || FACT_WORDS.has(lower)) return null;
  if (lower.endsWith("n't")) return null;
  const s = stem(lower.replace(/\./g, ''));
  return lexicon.words.get(s) ?? s;
}

// Words repeat a lot within a page and across pages: normalise each distinct spelling once.
const memo = new Map<string, { lower: string; term: string | null; stem: string }>();
function normalise(raw: string): { lower: string; term: string | null; stem: string } {
  let hit = memo.get(raw);
  if (!hit) {
    if (memo.size > 50_000) memo.clear();
    const lower = fold(raw);
    hit = { lower, term: termOf(raw, lower), stem: stem(lower) };
    memo.set(raw, hit);
  }
  return hit;
}

/** Splits text into tokens, folding two-word phrases ("touched down") into one concept. */
export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  const stems: string[] = [];
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const { lower, term, stem: s } = normalise(raw);
    const start = offset + m.index;
    tokens.push({ start, end: start + raw.length, raw, lower, term });
    stems.push(s);
  }
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i]!;
    const b = tokens[i + 1]!;
    const phrase = lexicon.phrases.get(`${stems[i]} ${stems[i + 1]}`);
    if (phrase) {
      a.term = phrase;
      b.term = null;
    }
  }
  return tokens;
}

/** The distinct matching terms of a text. */
export function termsOf(text: string): string[] {
  return [...new Set(tokenize(text).flatMap((t) => (t.term ? [t.term] : [])))];
}

const NEGATORS = new Set(['not', 'cannot', 'never', 'neither', 'nor', 'no', 'none', 'declined', 'refused', 'denied', 'denies']);

/** True when the text negates what it says ("not", "never", "didn't", "declined to", "yet to"), which flips a claim. */
export function isNegated(tokens: Token[]): boolean {
  return tokens.some((t, i) => NEGATORS.has(t.lower) || t.lower.endsWith("n't") || (t.lower === 'yet' && tokens[i + 1]?.lower === 'to'));
}
