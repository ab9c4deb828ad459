import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactOccurrences } from '@/lib/anchoring/exact';

const SEED = 20_240_611;
const letters = (alphabet: string, min: number, max: number) =>
  fc.integer({ min, max }).chain((n) => fc.string({ unit: fc.constantFrom(...alphabet), minLength: n, maxLength: n }));

describe('exactOccurrences', () => {
  const every = (text: string, quote: string) => text.split('').flatMap((_, i) => (text.startsWith(quote, i) ? [i] : []));
  // Repetitive texts (a short unit repeated, with a few edits), where quotes' pieces are common.
  const periodic = fc
    .tuple(letters('ab', 1, 5), fc.integer({ min: 1, max: 3000 }), fc.array(fc.tuple(fc.nat(), fc.constantFrom('a', 'b', 'c')), { maxLength: 3 }))
    .map(([unit, length, edits]) =>
      edits.reduce((t, [at, c]) => t.slice(0, at % t.length) + c + t.slice((at % t.length) + 1), unit.repeat(Math.ceil(length / unit.length))),
    );
  const textAndQuote = fc.oneof(letters('ab', 0, 400), periodic).chain((text) =>
    fc.tuple(
      fc.constant(text),
      fc.oneof(
        fc.tuple(fc.nat(text.length), fc.integer({ min: 1, max: 150 })).map(([at, n]) => text.slice(at, at + n) || 'a'),
        letters('abc', 1, 150),
      ),
    ),
  );

  it('finds every occurrence, up to the maximum asked, on ordinary and repetitive text', () => {
    fc.assert(
      fc.property(textAndQuote, fc.integer({ min: 1, max: 2000 }), ([text, quote], max) => {
        expect(exactOccurrences(text, quote, max)).toEqual(every(text, quote).slice(0, max));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('finds a long quote in a long run of one letter at once (the native search took seconds)', () => {
    const text = 'a'.repeat(1_000_000);
    expect(exactOccurrences(text, `ab${'a'.repeat(4998)}`, 10)).toEqual([]);
    expect(exactOccurrences(text, 'a'.repeat(5000), 3)).toEqual([0, 1, 2]); // every piece common: linear scan
    expect(exactOccurrences(`${text}b`, `${'a'.repeat(4999)}b`, 3)).toEqual([995_001]);
  });
});
