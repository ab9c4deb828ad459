import { describe, expect, it } from 'vitest';
import { verdictFromLabel, verdictFromScale, verdictOf } from '@/lib/factchecks/verdict';

const rating = (label: string | null, value: number | null = null, best: number | null = null, worst: number | null = null) => ({
  label,
  value,
  best,
  worst,
});

describe('verdictFromLabel', () => {
  it.each([
    ['False', 'false'],
    ['Pants on Fire!', 'false'],
    ['FAKE', 'false'],
    ['Incorrect. Traffic rose by about 12%.', 'false'],
    ['This is not true', 'false'],
    ["That isn't correct", 'false'],
    ['Four Pinocchios', 'false'],
    ['Altered photo', 'false'],
    ['Faux', 'false'],
    ['Falso', 'false'],
    ['Mostly False', 'misleading'],
    ['Misleading.', 'misleading'],
    ['Missing context', 'misleading'],
    ['True, but missing context', 'misleading'],
    ['Distorts the Facts', 'misleading'],
    ['Engañoso', 'misleading'],
    ['Irreführend', 'misleading'],
    ['Half-True', 'mixed'],
    ['Mixture', 'mixed'],
    ['Partly false', 'mixed'],
    ['True', 'true'],
    ['Mostly true', 'true'],
    ['Correct. The bridge opened in 1911.', 'true'],
    ['Accurate', 'true'],
    ['Unproven', 'unrated'],
    ['Satire', 'unrated'],
    ['Not rated', 'unrated'],
    ['', 'unrated'],
  ])('%j is %s', (label, verdict) => {
    expect(verdictFromLabel(label)).toBe(verdict);
  });

  it('matches whole words only: "inaccurate" is not "accurate", "untrue" is not "true"', () => {
    expect(verdictFromLabel('Inaccurate')).toBe('false');
    expect(verdictFromLabel('Untrue')).toBe('false');
    expect(verdictFromLabel('Trueish')).toBe('unrated');
    expect(verdictFromLabel('Falsehoods aside')).toBe('unrated');
  });

  it('reads a huge label in bounded time (only its start)', () => {
    expect(verdictFromLabel(`${'x '.repeat(5_000_000)}false`)).toBe('unrated');
    expect(verdictFromLabel(`False ${'x'.repeat(10_000_000)}`)).toBe('false');
  });
});

describe('verdictFromScale', () => {
  it('places a value on a 1–5 scale', () => {
    expect([1, 2, 3, 4, 5].map((v) => verdictFromScale(v, 5, 1))).toEqual(['false', 'misleading', 'mixed', 'true', 'true']);
  });

  it('places a value on a six-step scale (Pants on Fire … True)', () => {
    expect([1, 2, 3, 4, 5, 6].map((v) => verdictFromScale(v, 6, 1))).toEqual([
      'false', 'false', 'misleading', 'mixed', 'true', 'true',
    ]);
  });

  it('handles a scale written best-lowest and a 0–10 scale', () => {
    expect(verdictFromScale(1, 1, 5)).toBe('true');
    expect(verdictFromScale(5, 1, 5)).toBe('false');
    expect(verdictFromScale(9, 10, 0)).toBe('true');
  });

  it('is unrated without a full scale, on a degenerate scale, or outside the scale', () => {
    expect(verdictFromScale(1, null, 1)).toBe('unrated');
    expect(verdictFromScale(1, 5, null)).toBe('unrated');
    expect(verdictFromScale(null, 5, 1)).toBe('unrated');
    expect(verdictFromScale(-1, -1, -1)).toBe('unrated');
    expect(verdictFromScale(-1, 5, 1)).toBe('unrated');
    expect(verdictFromScale(7, 5, 1)).toBe('unrated');
  });
});

describe('verdictOf', () => {
  it('lets the words decide before the number', () => {
    expect(verdictOf([rating('False', 5, 5, 1)])).toBe('false');
    expect(verdictOf([rating('Something new', 1, 5, 1)])).toBe('false');
  });

  it('takes the first rating that has a class', () => {
    expect(verdictOf([rating('Not rated'), rating(null, 2, 5, 1)])).toBe('misleading');
    expect(verdictOf([rating('Half True'), rating('False')])).toBe('mixed');
    expect(verdictOf([])).toBe('unrated');
  });
});
