import { hashText, MAX_UNIT_CHARS, CONTEXT_CHARS, unitKey, type HashState } from '../pages/wire';
import type { PageText } from '../dom/page-text';

/**
 * A unit of page text matched at once: a block, or a piece of a block too long to match whole
 * (cut at a sentence end where there is one). Its key names its text and its look-ahead (the start
 * of the next unit), which is what the background's answer depends on.
 */
export type Unit = {
  block: PageText;
  /** Where the unit starts in its block. */
  from: number;
  text: string;
  /** The hash of its text, and its length in words (made once, when first keyed). */
  hash: HashState | undefined;
  words: number;
  /** Where it starts in the page's text, and the block after its own, as of the last scan. */
  start: number;
  nextBlock: PageText | undefined;
  key: string;
  context: string;
  /** The unit that followed when the key was made: the key holds while it is the same. */
  keyedBefore: Unit | null | undefined;
};

const cache = new WeakMap<PageText, Unit[]>();

/** Where to cut `text` so that no piece is longer than `max`: after a sentence end, else at a space. */
export function cutPoints(text: string, max = MAX_UNIT_CHARS): number[] {
  const cuts: number[] = [];
  let at = 0;
  while (text.length - at > max) {
    const window = text.slice(at, at + max);
    let cut = -1;
    for (const m of window.matchAll(/[.!?]["”’)]?\s+|\n/g)) cut = m.index + m[0].length;
    if (cut <= 0) cut = window.lastIndexOf(' ') + 1;
    if (cut <= 0) cut = max;
    at += cut;
    cuts.push(at);
  }
  return cuts;
}

/** The units of a block (the same objects for the same block, so their keys are kept). */
export function unitsOf(block: PageText): Unit[] {
  let units = cache.get(block);
  if (!units) {
    const bounds = [0, ...cutPoints(block.text), block.text.length];
    units = bounds.slice(0, -1).map((from, i) => {
      const text = block.text.slice(from, bounds[i + 1]);
      return { block, from, text, hash: undefined, words: 0, start: 0, nextBlock: undefined, key: '', context: '', keyedBefore: undefined };
    });
    cache.set(block, units);
  }
  return units;
}

/**
 * Gives the units from `from` to `to` their key, for the unit after each; only units whose
 * successor changed are hashed again.
 */
export function keyUnits(units: readonly Unit[], from = 0, to = units.length): void {
  for (let i = from; i < Math.min(to, units.length); i++) {
    const unit = units[i]!;
    const next = units[i + 1] ?? null;
    if (unit.keyedBefore === next && unit.key) continue;
    if (!unit.hash) {
      unit.hash = hashText(unit.text);
      unit.words = countWords(unit.text);
    }
    unit.context = next ? next.text.slice(0, CONTEXT_CHARS) : '';
    unit.key = unitKey(unit.hash, unit.text.length, unit.context);
    unit.keyedBefore = next;
  }
}

/** Words in read text (runs of anything but white space), counted without making strings. */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 160;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}
