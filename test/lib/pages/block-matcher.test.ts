import { describe, expect, it, vi } from 'vitest';
import * as match from '@/lib/matcher/match';
import { BlockMatcher } from '@/lib/pages/block-matcher';
import { CONTEXT_CHARS, keyOf, lookAhead } from '@/lib/pages/wire';
import { bundledIndex } from '../../support/bundled-index';

vi.mock('@/lib/matcher/match', async (real) => {
  const actual = await real<typeof match>();
  return { ...actual, matchWithLookAhead: vi.fn(actual.matchWithLookAhead) };
});

const BOMBERS = 'In December, Russia sent two bomber aircraft capable of carrying nuclear weapons to Venezuela.';
const NOTHING = 'Forecasters expect steady rain over Caracas through the week.';
const SITE = 'https://news.example';
const index = bundledIndex();
/** A matcher with its index made. */
async function matcher(budget?: number, load = async () => index): Promise<BlockMatcher> {
  const m = new BlockMatcher(load, budget);
  await m.ready();
  return m;
}

describe('BlockMatcher', () => {
  it('finds claims in a unit, with offsets into it', async () => {
    const found = (await matcher()).match(SITE, `Intro. ${BOMBERS}`, '');
    expect(found.map((m) => m.claimId)).toContain('nuclear-capable-bombers-in-december');
    for (const m of found) expect(`Intro. ${BOMBERS}`.slice(m.start, m.end)).toBe(m.text);
  });

  it('reads the look-ahead but returns only the matches that start in the unit', async () => {
    const m = await matcher();
    expect(m.match(SITE, NOTHING, BOMBERS)).toEqual([]);
    expect(m.match(SITE, BOMBERS, NOTHING).map((x) => x.claimId)).toContain('nuclear-capable-bombers-in-december');
  });

  it('makes the index once, and remembers units by key, for their own origin only', async () => {
    const load = vi.fn(async () => index);
    const matchText = vi.mocked(match.matchWithLookAhead);
    const m = new BlockMatcher(load);
    expect(() => m.match(SITE, BOMBERS, '')).toThrow(/before ready/);
    await Promise.all([m.ready(), m.ready()]);
    await m.ready();
    matchText.mockClear();
    const first = m.match(SITE, BOMBERS, '');
    expect(m.match(SITE, BOMBERS, '')).toEqual(first);
    expect(matchText).toHaveBeenCalledTimes(1);
    expect(load).toHaveBeenCalledTimes(1);
    expect(m.known(SITE, keyOf(BOMBERS, ''))).toEqual(first);
    // Another origin cannot learn that this site's page was read.
    expect(m.known('https://evil.example', keyOf(BOMBERS, ''))).toBeUndefined();
    // The same text with another look-ahead is another unit.
    expect(m.known(SITE, keyOf(BOMBERS, NOTHING))).toBeUndefined();
  });

  it('keeps what it remembers within its budget of bytes, forgetting the least recently used', async () => {
    const m = await matcher(20_000);
    for (let i = 0; i < 200; i++) m.match(SITE, `${BOMBERS} Edition ${i}.`, '');
    expect(m.rememberedBytes).toBeGreaterThan(0);
    expect(m.rememberedBytes).toBeLessThanOrEqual(20_000);
    expect(m.known(SITE, keyOf(`${BOMBERS} Edition 199.`, ''))).toBeDefined();
    expect(m.known(SITE, keyOf(`${BOMBERS} Edition 0.`, ''))).toBeUndefined();
  });

  it('tries again to make the index after a load that failed (the lexicon could not be read)', async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error('lexicon: 404')).mockResolvedValue(index);
    const m = new BlockMatcher(load);
    await expect(m.ready()).rejects.toThrow('lexicon: 404');
    await m.ready();
    expect(m.match(SITE, BOMBERS, '').map((x) => x.claimId)).toContain('nuclear-capable-bombers-in-december');
    expect(load).toHaveBeenCalledTimes(2);
  });
});

describe('BlockMatcher, when matching a unit fails', () => {
  it('loses only that unit, logs the failure once, and goes on with the others', async () => {
    const matchText = vi.mocked(match.matchWithLookAhead);
    const real = matchText.getMockImplementation()!;
    matchText.mockImplementation((i, text, lookAhead) => {
      if (text.includes('one of the')) throw new TypeError("Cannot read properties of undefined (reading 'value')");
      return real(i, text, lookAhead);
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const m = await matcher();
      const bad = 'Russian troops landed, one of the';
      expect(m.match(SITE, bad, '')).toEqual([]);
      expect(m.match(SITE, BOMBERS, '').map((x) => x.claimId)).toContain('nuclear-capable-bombers-in-december');
      m.match(SITE, bad, ''); // the same unit again, in a rescan
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]![0])).toMatch(/could not match a block/);
    } finally {
      matchText.mockImplementation(real);
      warn.mockRestore();
    }
  });
});

describe('lookAhead', () => {
  it("is the next unit's first sentence, or line, at most CONTEXT_CHARS long", () => {
    expect(lookAhead('— John Bolton (@AmbJohnBolton) March 23, 2019')).toBe('— John Bolton (@AmbJohnBolton) March 23, 2019');
    expect(lookAhead('“He left.” Then more text follows here.')).toBe('“He left.”');
    expect(lookAhead('A line\nand the next')).toBe('A line\n');
    expect(lookAhead('x'.repeat(1000))).toHaveLength(CONTEXT_CHARS);
  });
});
