import { describe, expect, it } from 'vitest';
import { flatten, quoteRun } from '@/lib/matcher/verbatim';
import { splitSentences } from '@/lib/matcher/sentences';

/** A deterministic generator, so that a failure names a text that fails again. */
function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

// Letters of both cases, the folded quotes and dashes, runs of every kind of space, and a letter
// whose lower case is longer (İ), which takes the char-by-char path.
const ALPHABET = ['a', 'B', 'c', ' ', ' ', '\n', '\t', '\r', '\u00a0', '‘', '’', '“', '”', '–', '—', '"', "'", '.', 'É'];

const text = (next: () => number, length: number, extra: string[] = []) =>
  Array.from({ length }, () => {
    const pool = [...ALPHABET, ...extra];
    return pool[Math.floor(next() * pool.length)]!;
  }).join('');

const isSpace = (c: string) => c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\u00a0';

describe('flatten', () => {
  it('folds case, quotes, dashes and runs of spaces, and maps every folded char back to the one it came from', () => {
    const next = random(7);
    for (let k = 0; k < 300; k++) {
      const raw = text(next, 1 + Math.floor(next() * 60), k % 5 === 0 ? ['İ'] : []);
      const { flat, at } = flatten(raw);
      expect(flat).not.toMatch(/[A-Z‘’“”–—\u00a0\n\t\r]| {2}/);
      let previous = -1;
      for (let i = 0; i < flat.length; i++) {
        const from = at(i);
        expect(from).toBeGreaterThan(previous);
        previous = from;
        const source = raw[from]!;
        if (flat[i] === ' ') expect(isSpace(source)).toBe(true);
        else expect(flatten(source).flat[0]).toBe(flat[i]);
        // A space stands for a whole run: the chars it skips are spaces too.
        if (i > 0 && flat[i - 1] === ' ') for (let j = at(i - 1) + 1; j < from; j++) expect(isSpace(raw[j]!)).toBe(true);
      }
    }
  });
});

describe('quoteRun', () => {
  it('finds a quote whatever its quotes, dashes, case and spacing on the page, over the sentences it covers', () => {
    const quote = flatten("we are looking for them — they 'entered' Venezuela.").flat;
    const page = 'Officials spoke. We  are looking\nfor them – they ‘entered’ VENEZUELA. Then it rained. More followed.';
    const spans = splitSentences(page);
    const at = (start: string) => spans.findIndex((s) => page.slice(s.start).startsWith(start));
    // The line break cuts the quote into two sentences: from either, the run is both.
    for (const from of [at('We'), at('for them')]) expect(quoteRun(page, spans, from, quote)).toEqual([at('We'), at('for them')]);
    expect(page.slice(spans[at('We')]!.start, spans[at('for them')]!.end)).toBe('We  are looking\nfor them – they ‘entered’ VENEZUELA.');
    expect(quoteRun(page, spans, at('Then'), quote)).toBeNull();
    expect(quoteRun(page, spans, at('Officials'), quote)).toBeNull();
  });
});
