import { describe, expect, it, vi } from 'vitest';
import { getBundledClaimDatabase } from '@/lib/claims/bundled';
import * as match from '@/lib/matcher/match';
import { BlockMatcher } from '@/lib/pages/block-matcher';

vi.mock('@/lib/matcher/match', async (real) => {
  const actual = await real<typeof match>();
  return { ...actual, matchText: vi.fn(actual.matchText) };
});

const BOMBERS = 'In December, Russia sent two bomber aircraft capable of carrying nuclear weapons to Venezuela.';
const NOTHING = 'Forecasters expect steady rain over Caracas through the week.';

describe('BlockMatcher', () => {
  it('finds claims block by block, with offsets into each block', () => {
    const matcher = new BlockMatcher(getBundledClaimDatabase);
    const found = matcher.match([NOTHING, `Intro. ${BOMBERS}`]);
    expect(found.length).toBeGreaterThan(0);
    for (const m of found) {
      expect(m.block).toBe(1);
      expect(`Intro. ${BOMBERS}`.slice(m.start, m.end)).toBe(m.text);
    }
    expect(found.map((m) => m.claimId)).toContain('nuclear-capable-bombers-in-december');
  });

  it('builds the index once, and remembers recent blocks instead of matching them again', () => {
    const load = vi.fn(getBundledClaimDatabase);
    const matchText = vi.mocked(match.matchText);
    const matcher = new BlockMatcher(load, 2);
    matchText.mockClear();
    const first = matcher.match([BOMBERS]);
    expect(matcher.match([BOMBERS])).toEqual(first);
    expect(matchText).toHaveBeenCalledTimes(1);
    expect(load).toHaveBeenCalledTimes(1);
    // With room for two blocks, two more push out the least recently used: it is matched again.
    matcher.match([NOTHING, 'A third block of text.']);
    matcher.match([BOMBERS]);
    expect(matchText).toHaveBeenCalledTimes(4);
  });
});

describe('BlockMatcher, when matching a block fails', () => {
  it('loses only that block, logs the failure once, and goes on with the others', () => {
    const matchText = vi.mocked(match.matchText);
    const real = matchText.getMockImplementation()!;
    matchText.mockImplementation((index, text) => {
      if (text.includes('one of the')) throw new TypeError("Cannot read properties of undefined (reading 'value')");
      return real(index, text);
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const matcher = new BlockMatcher(getBundledClaimDatabase);
      const bad = 'Russian troops landed, one of the';
      const found = matcher.match([bad, BOMBERS]);
      expect(found.map((m) => [m.block, m.claimId])).toContainEqual([1, 'nuclear-capable-bombers-in-december']);
      expect(found.every((m) => m.block === 1)).toBe(true);
      matcher.match([bad, NOTHING]); // the same block again, in a rescan
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]![0])).toMatch(/could not match a block/);
    } finally {
      matchText.mockImplementation(real);
      warn.mockRestore();
    }
  });
});
