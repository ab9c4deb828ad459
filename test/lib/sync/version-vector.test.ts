import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_COUNTER, type VersionVector } from '@/lib/sync/schema';
import { addDot, hasSeen, joinHistories } from '@/lib/sync/version-vector';

/**
 * The history functions by their definition (what each counter's "seen" becomes), written the
 * slow, obvious way: the fast ones must agree with it on every input.
 */
const seenSet = (h: VersionVector, device: string, upTo: number) =>
  Array.from({ length: upTo }, (_, i) => i + 1).filter((n) => hasSeen(h, device, n));

const history = fc.dictionary(
  fc.constantFrom('A', 'B', 'C'),
  fc.oneof(
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 2, max: 12 }).chain((max) => fc.uniqueArray(fc.integer({ min: 1, max: max - 1 }), { minLength: 1 }).map((gaps) => [max, ...gaps.sort((a, b) => a - b)])),
  ),
) as fc.Arbitrary<VersionVector>;

describe('histories', () => {
  it('join sees exactly what any of its parts saw', () => {
    fc.assert(
      fc.property(fc.array(history, { minLength: 1, maxLength: 4 }), (hs) => {
        const joined = joinHistories(...hs);
        for (const d of ['A', 'B', 'C']) {
          const want = Array.from({ length: 14 }, (_, i) => i + 1).filter((n) => hs.some((h) => hasSeen(h, d, n)));
          expect(seenSet(joined, d, 14)).toEqual(want);
        }
        expect(joinHistories(joined, ...hs)).toEqual(joined); // idempotent, canonical
      }),
      { seed: 20_260_101, numRuns: 300 },
    );
  });

  it('a dot adds its one edit and nothing else', () => {
    fc.assert(
      fc.property(history, fc.constantFrom('A', 'B', 'D'), fc.integer({ min: 1, max: 16 }), (h, d, n) => {
        const out = addDot(h, d, n);
        for (const device of ['A', 'B', 'C', 'D']) {
          const want = seenSet(h, device, 18).concat(device === d && !hasSeen(h, d, n) ? [n] : []).sort((a, b) => a - b);
          expect(seenSet(out, device, 18)).toEqual(want);
        }
        expect(out).toEqual(joinHistories(out)); // canonical form
      }),
      { seed: 20_260_102, numRuns: 300 },
    );
  });

  it('handles the highest counter sync accepts with its whole gap list', () => {
    const gaps = Array.from({ length: MAX_COUNTER - 1 }, (_, i) => i + 1);
    const first = addDot({}, 'A', MAX_COUNTER);
    expect(first).toEqual({ A: [MAX_COUNTER, ...gaps] });
    const joined = joinHistories(first, { A: [MAX_COUNTER, ...gaps.filter((g) => g % 2)] });
    expect((joined.A as number[]).length).toBe(1 + MAX_COUNTER / 2); // the top and the odd gaps
    expect(addDot(joined, 'A', 3)).toEqual({ A: (joined.A as number[]).filter((n) => n !== 3) });
  });
});
