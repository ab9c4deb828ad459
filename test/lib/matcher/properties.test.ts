import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClaimMatchSchema } from '@/lib/matcher/schema';
import { MAX_SENTENCE, splitSentences } from '@/lib/matcher/sentences';
import { loadEval } from '../../eval/load';
import { loadMatcher } from '../../eval/matcher';

/**
 * Properties of the sentence splitter and the matcher over arbitrary text: they never throw, and
 * what they return is well formed. Fixed seed, so a failure is reproducible; the runs are many
 * small texts and a few very long ones.
 */
const SEED = 20261203;
const settings = { seed: SEED, numRuns: 300 };

// Words that stress the readers of counts and dates, and the splitter's abbreviations.
const NEWSY = [
  'one', 'of', 'the', 'two', 'planes', 'nearly', '100', 'a', 'hundred', 'hundreds', 'dozen', 'eight', 'to', '10',
  '99999999999999999999999', '1e308', '-', '–', 'and', 'between', 'Saturday', 'March', '23', '2019', 'May', 'weekend',
  'U.S.', 'Gen.', 'Mr.', '.', ',', '!', '?', '"', '“', '’s', 'Russian', 'troops', 'landed', 'in', 'Caracas', 'not',
  'Tu-160', 'IL-62', '\n', '\n\n', ' ', 'ﬁ', 'İstanbul', '👍🏽', '\u00a0', '\u200b', 'é', 'ß', 'ǅ',
];
const newsy = fc.array(fc.constantFrom(...NEWSY), { maxLength: 60 }).map((words) => words.join(' '));
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 300 }), newsy);

describe('splitSentences', () => {
  it('returns ordered, trimmed, bounded spans that cover every word, on any text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const spans = splitSentences(text);
        let previous = 0;
        const covered = new Uint8Array(text.length);
        for (const { start, end } of spans) {
          expect(start).toBeGreaterThanOrEqual(previous);
          expect(end).toBeGreaterThan(start);
          expect(end - start).toBeLessThanOrEqual(MAX_SENTENCE);
          expect(text.slice(start, end)).toBe(text.slice(start, end).trim());
          expect(text.slice(start, end)).not.toContain('\n');
          covered.fill(1, start, end);
          previous = end;
        }
        for (let i = 0; i < text.length; i++) if (!/\s/.test(text[i]!)) expect(covered[i]).toBe(1);
      }),
      settings,
    );
  });

  it('splits a 100,000-character run of abbreviations into bounded sentences', () => {
    const text = 'U.S. '.repeat(20_000);
    const spans = splitSentences(text);
    expect(spans.length).toBeGreaterThanOrEqual(100);
    expect(Math.max(...spans.map((s) => s.end - s.start))).toBeLessThanOrEqual(MAX_SENTENCE);
  });
});

describe('matchText', () => {
  const { db } = loadEval();
  const match = loadMatcher(db);
  const sentences = db.assertions.map((a) => a.quote);

  it('never throws, and every match is well formed, on any text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (const m of match(text)) {
          expect(ClaimMatchSchema.safeParse(m).success).toBe(true);
          expect(m.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(m.start, m.end)).toBe(m.text);
        }
      }),
      settings,
    );
  });

  it('never throws on database sentences cut at any word, or with any word replaced', () => {
    fc.assert(
      fc.property(fc.constantFrom(...sentences), fc.nat(), fc.constantFrom(...NEWSY), (sentence, at, word) => {
        const words = sentence.split(' ');
        const cut = at % (words.length + 1);
        match(words.slice(0, cut).join(' '));
        match([...words.slice(0, cut), word, ...words.slice(cut + 1)].join(' '));
      }),
      settings,
    );
  });

  it('reads a sentence that ends in "one of" or "one of the" (it used to throw)', () => {
    for (const text of ['Russian troops landed, one of the', 'Russian troops landed, one of', 'one of']) expect(() => match(text)).not.toThrow();
  });

  it('reads huge numbers and many dates without failing', () => {
    const text = `${'9'.repeat(400)} troops landed on ${'March 23, 2019, Saturday, '.repeat(200)}in Caracas. One of the`;
    expect(() => match(text)).not.toThrow();
  });
});
