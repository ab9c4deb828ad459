import { describe, expect, it, vi } from 'vitest';
import { readLexicon } from '@/lib/cli/lexicon-file';
import { getBundledClaimDatabase } from '@/lib/claims/bundled';
import { buildClaimIndex } from '@/lib/matcher/claim-index';
import * as match from '@/lib/matcher/match';
import { BlockMatcher } from '@/lib/pages/block-matcher';

vi.mock('@/lib/matcher/match', async (real) => {
  const actual = await real<typeof match>();
  return { ...actual, matchText: vi.fn(actual.matchText) };
});

const BOMBERS = 'In December, Russia sent two bomber aircraft capable of carrying nuclear weapons to Venezuela.';
const NOTHING = 'Forecasters expect steady rain over Caracas through the week.';
const loadIndex = async () => buildClaimIndex(getBundledClaimDatabase(), readLexicon());

describe('BlockMatcher', () => {
  it('finds claims block by block, with offsets into each block', async () => {
    const matcher = new BlockMatcher(loadIndex);
    const found = await matcher.match([NOTHING, `Intro. ${BOMBERS}`]);
    expect(found.length).toBeGreaterThan(0);
    for (const m of found) {
      expect(m.block).toBe(1);
      expect(`Intro. ${BOMBERS}`.slice(m.start, m.end)).toBe(m.text);
    }
    expect(found.map((m) => m.claimId)).toContain('nuclear-capable-bombers-in-december');
  });

  it('builds the index once, and remembers recent blocks instead of matching them again', async () => {
    const load = vi.fn(loadIndex);
    const matchText = vi.mocked(match.matchText);
    const matcher = new BlockMatcher(load, 2);
    matchText.mockClear();
    const first = await matcher.match([BOMBERS]);
    expect(await matcher.match([BOMBERS])).toEqual(first);
    expect(matchText).toHaveBeenCalledTimes(1);
    expect(load).toHaveBeenCalledTimes(1);
    // With room for two blocks, two more push out the least recently used: it is matched again.
    await matcher.match([NOTHING, 'A third block of text.']);
    await matcher.match([BOMBERS]);
    expect(matchText).toHaveBeenCalledTimes(4);
  });
});
