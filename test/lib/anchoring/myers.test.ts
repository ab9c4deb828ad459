import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchoredDistances, bestEnds, compile, type Meter } from '@/lib/anchoring/myers';

const SEED = 20_240_611;
const unlimited = (): Meter => ({ work: 0, limit: Infinity, limited: false });

/** Edit distance of `pattern` against text ending at each position: free start, or anchored at 0. */
function naive(text: string, pattern: string, anchored: boolean): number[] {
  let column = Array.from({ length: pattern.length + 1 }, (_, i) => i);
  return text.split('').map((c, j) => {
    const next = [anchored ? j + 1 : 0];
    for (let i = 1; i <= pattern.length; i++) {
      next[i] = Math.min(column[i - 1]! + (pattern[i - 1] === c ? 0 : 1), column[i]! + 1, next[i - 1]! + 1);
    }
    column = next;
    return next[pattern.length]!;
  });
}

// Small alphabets make repeats and near-misses common; lengths are drawn evenly (fast-check favours
// short strings), so that patterns span one to five 32-bit blocks.
const letters = (alphabet: string, min: number, max: number) =>
  fc.integer({ min, max }).chain((n) => fc.string({ unit: fc.constantFrom(...alphabet), minLength: n, maxLength: n }));

describe('bestEnds (Myers, blocks of 32, cut-off)', () => {
  // Texts that hold the pattern with a few edits, between random text, so that close matches exist.
  const edited = (pattern: string) =>
    fc.array(fc.tuple(fc.nat(pattern.length), fc.constantFrom('', 'a', 'b', 'é'), fc.boolean()), { maxLength: 8 }).map((edits) =>
      edits.reduce((s, [at, c, replace]) => s.slice(0, at) + c + s.slice(at + (replace ? 1 : 0)), pattern),
    );
  const cases = letters('ab', 1, 130).chain((pattern) =>
    fc.tuple(fc.constant(pattern), letters('ab', 0, 60), edited(pattern), letters('ab', 0, 60), fc.nat(40)),
  );

  it('finds the same fewest errors and the same ends as the edit-distance table', () => {
    fc.assert(
      fc.property(cases, ([pattern, before, middle, after, maxErrors]) => {
        const text = before + middle + after;
        const distances = naive(text, pattern, false);
        const fewest = Math.min(...distances.filter((d) => d <= maxErrors));
        const found = bestEnds(text, 0, text.length, compile(pattern), maxErrors, 0, Infinity, unlimited());
        const ends = distances.flatMap((d, j) => (d === fewest ? [j + 1] : []));
        expect(found).toEqual(fewest === Infinity ? null : { errors: fewest, ends });
      }),
      {
        seed: SEED,
        numRuns: 1000,
        // A rare case, kept: a block below the last active one must start when the score falls.
        examples: [[['bbaaabbbabaabaabaabbbabaabbababbaababba', '', 'abababbaaabbbabaabaaabaabbbbaabbababbbabababbaba', '', 4]]],
      },
    );
  });

  it('keeps the equally good ends nearest to a point, and stops when the work allowed is spent', () => {
    const text = 'xab'.repeat(100);
    const found = bestEnds(text, 0, text.length, compile('ab'), 0, 150, 3, unlimited())!;
    expect(found.ends).toEqual([147, 150, 153]);
    const meter: Meter = { work: 0, limit: 50, limited: false };
    expect(bestEnds(text, 0, text.length, compile('ab'), 0, 0, 3, meter)?.ends).toEqual([3, 6, 9]);
    expect(meter).toEqual({ work: 50, limit: 50, limited: true });
  });
});

describe('anchoredDistances', () => {
  it('equals the edit distance of the pattern to each prefix of the text', () => {
    fc.assert(
      fc.property(letters('ab\u{1F600}', 0, 150), letters('ab\u{1F600}', 1, 100), (text, pattern) => {
        expect([...anchoredDistances(text, compile(pattern), unlimited())]).toEqual(naive(text, pattern, true));
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});
