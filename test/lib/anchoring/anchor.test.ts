import { readFileSync } from 'node:fs';
import { describe as group, expect, it } from 'vitest';
import { anchor, fuzzyBudget } from '@/lib/anchoring/anchor';
import { describe } from '@/lib/anchoring/describe';

const article = readFileSync(new URL('../../fixtures/articles/000_83cce7683dc0c4f8.txt', import.meta.url), 'utf8');

/** Selectors for the first occurrence of `quote` in `text`. */
function select(text: string, quote: string) {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`fixture lacks ${quote}`);
  return describe(text, start, start + quote.length);
}

const QUOTE = 'two Russian planes arrived in Caracas on Saturday';

group('describe', () => {
  it('keeps the exact text, 32 characters of context and the offsets', () => {
    const s = select(article, QUOTE);
    const at = article.indexOf(QUOTE);
    expect(s.quote.exact).toBe(QUOTE);
    expect(s.quote.prefix).toBe(article.slice(at - 32, at));
    expect(s.quote.suffix).toBe(article.slice(at + QUOTE.length, at + QUOTE.length + 32));
    expect(s.position).toEqual({ type: 'TextPositionSelector', start: at, end: at + QUOTE.length });
  });

  it('clips context at the ends of the text and rejects empty or outside ranges', () => {
    expect(describe('abcdef', 0, 2).quote).toMatchObject({ prefix: '', exact: 'ab', suffix: 'cdef' });
    expect(() => describe('abc', 2, 2)).toThrow(RangeError);
    expect(() => describe('abc', 1, 9)).toThrow(/1–9/);
  });
});

group('anchor', () => {
  it('anchors by position when the page is unchanged', () => {
    const s = select(article, QUOTE);
    expect(anchor(article, s)).toEqual({ start: s.position.start, end: s.position.end, method: 'position' });
  });

  it('finds the quote after a paragraph is inserted above', () => {
    const s = select(article, QUOTE);
    const para = 'An editor’s note was added here after publication, and it shifts everything below.\n\n';
    const changed = para + article;
    const found = anchor(changed, s);
    expect(found).toEqual({ start: s.position.start + para.length, end: s.position.end + para.length, method: 'quote' });
    expect(changed.slice(found!.start, found!.end)).toBe(QUOTE);
  });

  it('finds the quote when a word nearby changes', () => {
    const s = select(article, QUOTE);
    const changed = article.replace('Reuters reported Sunday that', 'Reuters reported on Sunday that');
    const found = anchor(changed, s)!;
    expect(found.method).toBe('quote');
    expect(changed.slice(found.start, found.end)).toBe(QUOTE);
  });

  it('finds the quote fuzzily when a word inside it changes', () => {
    const s = select(article, QUOTE);
    const edited = 'two Russian aircraft arrived in Caracas on Saturday';
    const changed = article.replace(QUOTE, edited);
    const found = anchor(changed, s)!;
    expect(found.method).toBe('fuzzy');
    const at = changed.indexOf(edited);
    // Fuzzy bounds may differ by a character or two from the edited sentence, never by more.
    expect(Math.abs(found.start - at)).toBeLessThanOrEqual(2);
    expect(Math.abs(found.end - (at + edited.length))).toBeLessThanOrEqual(2);
  });

  it('returns null when the quote is removed', () => {
    const s = select(article, QUOTE);
    const sentence = article.slice(article.indexOf('Reuters reported Sunday'), article.indexOf('Neither Venezuelan'));
    expect(anchor(article.replace(sentence, ''), s)).toBeNull();
  });

  it('tells repeated quotes apart by their context', () => {
    const text =
      'The minister said the talks had failed. Later the spokesman, asked again, said the talks had failed. ' +
      'Finally the president himself said the talks had failed, to general surprise.';
    const q = 'said the talks had failed';
    const second = text.indexOf(q, text.indexOf(q) + 1);
    const s = describe(text, second, second + q.length);
    // Shift everything so position no longer matches; context must pick the second occurrence.
    const moved = 'Breaking: ' + text;
    expect(anchor(moved, s)).toEqual({ start: second + 10, end: second + 10 + q.length, method: 'quote' });
    // Even with a misleading position hint, context wins over nearness.
    const wrongHint = { ...s, position: { type: 'TextPositionSelector' as const, start: 0, end: 0 } };
    expect(anchor(moved, wrongHint)!.start).toBe(second + 10);
  });

  it('finds the quote exactly after a long insertion above, beyond the window searched first', () => {
    const s = select(article, QUOTE);
    const insert = 'A long live blog was added above. '.repeat(200);
    const found = anchor(insert + article, s);
    expect(found).toEqual({ start: s.position.start + insert.length, end: s.position.end + insert.length, method: 'quote' });
  });

  it('finds an edited quote fuzzily far from its old position', () => {
    const s = select(article, QUOTE);
    const edited = 'two Russian aircraft arrived in Caracas on Saturday';
    const changed = 'A long live blog was added above. '.repeat(200) + article.replace(QUOTE, edited);
    const found = anchor(changed, s)!;
    expect(found.method).toBe('fuzzy');
    expect(Math.abs(found.start - changed.indexOf(edited))).toBeLessThanOrEqual(2);
  });

  it('finds a long quote with a word changed inside it', () => {
    const start = article.indexOf('Reuters reported Sunday');
    const s = describe(article, start, start + 1500);
    const changed = article.slice(0, start + 700) + 'CHANGED' + article.slice(start + 712);
    expect(anchor(changed, s)).toMatchObject({ start, method: 'fuzzy' });
  });

  it('picks, of repeats with the same context, the one nearest the stored position', () => {
    const text = 'Officials said the bridge is closed. '.repeat(40);
    const at = 37 * 20 + 19; // "bridge is closed" in the 21st sentence
    const s = describe(text, at, at + 16);
    const moved = `Update: ${text}`;
    expect(anchor(moved, s)).toEqual({ start: at + 8, end: at + 24, method: 'quote' });
    const thirtySixth = 8 + 37 * 35 + 19;
    expect(anchor(moved, { quote: s.quote, position: { ...s.position, start: thirtySixth - 3 } })!.start).toBe(thirtySixth);
  });

  it('treats an unusable position as a hint at most, and never throws on it', () => {
    const { quote } = select(article, QUOTE);
    const at = article.indexOf(QUOTE);
    for (const start of [-5, 1.5, Number.NaN, 10 ** 9]) {
      expect(anchor(article, { quote, position: { type: 'TextPositionSelector', start, end: start - 1 } })).toMatchObject({ start: at, method: 'quote' });
    }
  });

  it('anchors by quote alone when there is no position selector', () => {
    const { quote } = select(article, QUOTE);
    expect(anchor(article, { quote })).toMatchObject({ start: article.indexOf(QUOTE), method: 'quote' });
  });

  it('gives short quotes no fuzzy budget', () => {
    expect(fuzzyBudget(3)).toBe(0);
    expect(fuzzyBudget(40)).toBe(10);
    expect(fuzzyBudget(10_000)).toBe(256);
    expect(anchor('abc def', { quote: { type: 'TextQuoteSelector', exact: 'xyz', prefix: '', suffix: '' } })).toBeNull();
  });
});
