import { hashText, lookAhead, MAX_BATCH_CHARS, MAX_BATCH_UNITS, MAX_UNIT_CHARS, unitKey, type HashState } from '../pages/wire';
import type { PageText } from '../dom/page-text';
import type { Slice } from '../dom/yield';

/**
 * A unit of page text matched at once: a block, or a piece of a block too long to match whole
 * (cut at a sentence end where there is one). What the background answers for it depends on its
 * text and its look-ahead (the start of the next unit): `id` names both, for the page's own memory;
 * `key`, a hash of both, names them to the background, and is made only when needed.
 */
export type Unit = {
  block: PageText;
  /** Where the unit starts in its block. */
  from: number;
  text: string;
  /** Where it starts in the page's text, and the block after its own, as of the last scan. */
  start: number;
  nextBlock: PageText | undefined;
  context: string;
  id: string;
  /** The unit that followed when the look-ahead was taken: it holds while that is the same. */
  linkedBefore: Unit | null | undefined;
  hash?: HashState;
  key?: string;
  words?: number;
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
      return { block, from, text, start: 0, nextBlock: undefined, context: '', id: '', linkedBefore: undefined };
    });
    cache.set(block, units);
  }
  return units;
}

/** Gives each unit its look-ahead, the start of the unit after it (only where that unit changed). */
export function linkUnits(units: readonly Unit[]): void {
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    const next = units[i + 1] ?? null;
    if (unit.linkedBefore === next && unit.id) continue;
    unit.context = next ? lookAhead(next.text) : '';
    unit.id = `${unit.text}\u0000${unit.context}`;
    unit.key = undefined;
    unit.linkedBefore = next;
  }
}

/** The unit's key for the background (a hash of its text and look-ahead), made once, unless the background gave it. */
export function keyOf(unit: Unit): string {
  if (unit.key !== undefined) return unit.key;
  unit.hash ??= hashText(unit.text);
  return (unit.key = unitKey(unit.hash, unit.text.length, unit.context));
}

/** The unit's length in words, counted once. */
export function wordsOf(unit: Unit): number {
  return (unit.words ??= countWords(unit.text));
}

/**
 * The units' length in words, counted in slices of the page's time: a 100k-word page takes 5–20 ms
 * to count, which in one go could make a long task of the scan's last slice.
 */
export async function wordsOfAll(units: readonly Unit[], slice: Pick<Slice, 'pause'>): Promise<number> {
  let words = 0;
  for (let i = 0; i < units.length; i++) {
    words += wordsOf(units[i]!);
    if (i % 16 === 15) await slice.pause();
  }
  return words;
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

/** Units in requests the background accepts: at most MAX_BATCH_UNITS, and MAX_BATCH_CHARS of text. */
export function batches(units: readonly Unit[]): Unit[][] {
  const out: Unit[][] = [];
  let chars = Infinity;
  for (const unit of units) {
    const size = unit.text.length + unit.context.length;
    if (chars + size > MAX_BATCH_CHARS || out.at(-1)!.length >= MAX_BATCH_UNITS) {
      out.push([]);
      chars = 0;
    }
    out.at(-1)!.push(unit);
    chars += size;
  }
  return out;
}

/** The units at the start of `units` that fit one request of at most `maxChars` of text (and MAX_BATCH_UNITS). */
export function leading(units: readonly Unit[], maxChars: number): Unit[] {
  let chars = 0;
  let n = 0;
  while (n < units.length && n < MAX_BATCH_UNITS && chars + units[n]!.text.length <= maxChars) chars += units[n++]!.text.length;
  return units.slice(0, n);
}

/**
 * A unit as it is sent: its look-ahead is left out when it is the start of the next unit sent (its
 * text travels once), or when there is none.
 */
export function toWire(unit: Unit, i: number, batch: readonly Unit[]): { text: string; context?: string } {
  const next = batch[i + 1];
  return (next && unit.linkedBefore === next) || (!next && unit.context === '') ? { text: unit.text } : { text: unit.text, context: unit.context };
}

/** Units with distinct texts and look-aheads: the same answer serves them all. */
export function distinct(units: readonly Unit[]): Unit[] {
  const seen = new Set<string>();
  return units.filter((u) => !seen.has(u.id) && seen.add(u.id));
}
