import type { Token } from './tokens';

/** A count read from text: an interval, so that "nearly 100", "some 100" and "99" can agree. */
export interface NumberMention {
  lo: number;
  hi: number;
  approx: boolean;
  /** Token index range [first, last] of the figure itself. */
  first: number;
  last: number;
  /** What is counted: the head noun after the figure and the word before it ("killing four"). */
  unit: string[];
}

function table<T>(entries: Record<string, T>): Map<string, T> {
  return new Map(Object.entries(entries));
}

// Maps, not object literals: a page's word is the key, and "constructor" must not find Object's.
const SMALL = table<number>({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90, couple: 2, pair: 2, dozen: 12,
});
const SCALE = table<number>({ hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9 });
/** Plural vague amounts: "hundreds of" is 200 to 999. */
const VAGUE = table<[number, number]>({
  dozens: [24, 99], hundreds: [200, 999], thousands: [2000, 9999], millions: [2e6, 9e9], handful: [3, 6], several: [3, 9],
});
const APPROX = new Set(['nearly', 'almost', 'about', 'around', 'roughly', 'approximately', 'some', 'estimated', 'over', 'than', 'least', 'upwards', 'close', 'circa', 'approx', 'up', 'under']);
/** Count nouns too general to say what is counted alone: the word after them says it ("two people died"). */
const GENERIC = new Set(['people', 'person']);

const TOLERANCE = 0.15;

function readValue(tokens: Token[], i: number): { value: number; last: number } | null {
  const t = tokens[i];
  if (!t) return null; // past the end: a sentence that ends in "one of the"
  let value: number;
  let last = i;
  if (/^\d/.test(t.lower)) {
    value = Number(t.lower.replace(/,(?=\d{3}\b)/g, ''));
    if (!Number.isFinite(value)) return null;
  } else if ((t.lower === 'a' || t.lower === 'an') && tokens[i + 1] && (SCALE.get(tokens[i + 1]!.lower) || tokens[i + 1]!.lower === 'dozen' || tokens[i + 1]!.lower === 'couple' || tokens[i + 1]!.lower === 'pair')) {
    value = 1;
  } else if (SMALL.get(t.lower) !== undefined) {
    value = SMALL.get(t.lower)!;
    const next = tokens[i + 1]?.lower;
    if (value >= 20 && next && SMALL.get(next) !== undefined && SMALL.get(next)! < 10) {
      value += SMALL.get(next)!;
      last = i + 1;
    }
  } else return null;
  if (t.lower === 'a' || t.lower === 'an') {
    const w = tokens[i + 1]!.lower;
    value = SCALE.get(w) ?? SMALL.get(w)!;
    last = i + 1;
  }
  for (let j = last + 1; j < tokens.length && SCALE.get(tokens[j]!.lower); j++) {
    value *= SCALE.get(tokens[j]!.lower)!;
    last = j;
  }
  return { value, last };
}

/** Measure words are stop words for matching, but they say what a figure counts ("four years"). */
const MEASURES = new Set(['year', 'years', 'month', 'months', 'week', 'weeks', 'day', 'days', 'hour', 'hours', 'people', 'percent']);

function unitAfter(tokens: Token[], last: number, first: number, plural = true): string[] {
  const unit: string[] = [];
  for (let j = last + 1; j < tokens.length && j <= last + 4; j++) {
    const t = tokens[j]!;
    const term = t.lemma ?? (MEASURES.has(t.lower) ? t.lower.replace(/s$/, '') : null);
    if (/^\d/.test(t.lower) || SMALL.get(t.lower) !== undefined) break;
    // Names and adjectives describe what is counted ("100 Russian troops", "two strategic bombers").
    if (term && !t.modifier && !/\d/.test(term)) {
      // The head of a noun phrase is its last noun: "two military planes" counts planes.
      const next = tokens[j + 1];
      // A plural in -s after a figure is a noun, not a verb ("two air force planes"): a verb agreeing with a plural takes no -s.
      const noun = next?.noun && (!next.verb || (plural && /[^s]s$/.test(next.lower)));
      if (next?.lemma && noun && next.start - t.end <= 1 && j < last + 4 && !GENERIC.has(term)) continue;
      unit.push(term);
      if (!GENERIC.has(term)) break;
    }
  }
  const before = tokens[first - 1];
  if (before?.lemma && !before.modifier) unit.push(before.lemma);
  return unit;
}

/** Reads every count in a token list, skipping tokens already read as dates (`skip`); `text` shows hyphens. */
export function readNumbers(tokens: Token[], skip: Set<number> = new Set(), text = ''): NumberMention[] {
  const out: NumberMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (skip.has(i)) continue;
    const lower = tokens[i]!.lower;
    let lo: number;
    let hi: number;
    let last: number;
    let approx = false;
    if (VAGUE.get(lower)) {
      [lo, hi] = VAGUE.get(lower)!;
      last = i;
      approx = true;
    } else {
      const v = readValue(tokens, i);
      if (!v) continue;
      if (lower === 'one' && tokens[i + 1]?.lower === 'of') {
        // "one of the two planes" counts one plane (and the two, read next); "one of them" counts nothing.
        const k = tokens[i + 2]?.lower === 'the' ? i + 3 : i + 2;
        const of = readValue(tokens, k);
        if (of) out.push({ lo: 1, hi: 1, approx: false, first: i, last: i, unit: unitAfter(tokens, of.last, k) });
        continue;
      }
      lo = hi = v.value;
      last = v.last;
      // Ranges: "eight to 10", "8-10", "between 8 and 10".
      const sep = tokens[last + 1];
      const dash = sep && /^\s*[-–]\s*$/.test(text.slice(tokens[last]!.end, sep.start));
      const at = dash ? last + 1 : sep && (sep.lower === 'to' || sep.lower === 'and') ? last + 2 : -1;
      const w = at > 0 && tokens[at] ? readValue(tokens, at) : null;
      if (w && w.value > v.value) {
        hi = w.value;
        last = w.last;
        approx = true;
      }
    }
    const prev = tokens[i - 1]?.lower ?? '';
    if (APPROX.has(prev) || tokens[last + 1]?.lower === 'or') approx = true;
    if (approx && lo === hi) {
      lo *= 1 - TOLERANCE;
      hi *= 1 + TOLERANCE;
    }
    out.push({ lo, hi, approx, first: i, last, unit: unitAfter(tokens, last, i, hi > 1) });
    i = last;
  }
  return out;
}

/** Two figures agree when their intervals overlap ("nearly 100" and "99"; not "two" and "four"). */
export function numbersAgree(a: { lo: number; hi: number }, b: { lo: number; hi: number }): boolean {
  return a.lo <= b.hi + 1e-9 && b.lo <= a.hi + 1e-9;
}
