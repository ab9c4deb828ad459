import { describe, expect, it } from 'vitest';
import { numbersAgree, readNumbers } from '@/lib/matcher/numbers';
import { tokenize } from './tokenize';

const read = (text: string) => readNumbers(tokenize(text), new Set(), text);
const first = (text: string) => {
  const [n] = read(text);
  if (!n) throw new Error(`no number read in "${text}"`);
  return n;
};

describe('readNumbers', () => {
  it('reads figures in digits and words, with what they count', () => {
    expect(first('99 troops')).toMatchObject({ lo: 99, hi: 99, unit: ['troop'] });
    expect(first('one hundred Russian soldiers')).toMatchObject({ lo: 100, hi: 100, unit: ['soldier'] });
    expect(first('about a hundred servicemen')).toMatchObject({ approx: true, unit: ['servicemen'] });
    expect(first('5,000 troops').lo).toBe(5000);
    expect(first('over 3 million people').lo).toBeGreaterThan(2_000_000);
    expect(first('twenty-five planes').lo).toBe(25);
    // A plural after a figure is the head of its noun phrase, though "planes" could be a verb.
    expect(first('Two Russian air force planes touched down').unit).toEqual(['plane']);
  });

  it('agrees on approximate figures and disagrees on different counts', () => {
    expect(numbersAgree(first('nearly 100 troops'), first('99 troops'))).toBe(true);
    expect(numbersAgree(first('roughly 100 troops'), first('an estimated 110 troops'))).toBe(true);
    expect(numbersAgree(first('two deaths'), first('four killed'))).toBe(false);
    expect(numbersAgree(first('nearly 100 troops'), first('hundreds of troops'))).toBe(false);
  });

  it("reads no figure from words that name an object's own properties", () => {
    // "constructor" once made the matcher throw on any page using the word.
    expect(read('The constructor of the bridge said toString and valueOf were hasOwnProperty __proto__.')).toEqual([]);
    expect(first('a constructor hired 12 welders').lo).toBe(12);
  });

  it('reads ranges', () => {
    expect(first('eight to 10 hit squads')).toMatchObject({ lo: 8, hi: 10 });
    expect(first('8-10 hit squads')).toMatchObject({ lo: 8, hi: 10 });
  });

  it('takes the word before a bare figure as what is counted ("kill four")', () => {
    expect(first('soldiers block aid, kill four').unit).toContain('kill');
    expect(first('resulting in two deaths').unit).toContain('death');
  });

  it('does not read model codes or pronouns as counts, and reads "one of the two planes"', () => {
    expect(read('Two Tu-160 bombers').map((n) => n.lo)).toEqual([2]);
    expect(read('one of them was a cargo plane')).toEqual([]);
    expect(read('one of the two planes').map((n) => [n.lo, n.unit[0]])).toEqual([
      [1, 'plane'],
      [2, 'plane'],
    ]);
  });
});
