import { describe, expect, it, vi } from 'vitest';
import * as match from '@/lib/matcher/match';
import { BlockMatcher, createClaimIndex } from '@/lib/pages/block-matcher';
import { CONTEXT_CHARS, keyOf, lookAhead } from '@/lib/pages/wire';

vi.mock('@/lib/matcher/match', async (real) => {
  const actual = await real<typeof match>();
  return { ...actual, matchText: vi.fn(actual.matchText) };
});

const BOMBERS = 'In December, Russia sent two bomber aircraft capable of carrying nuclear weapons to Venezuela.';
const NOTHING = 'Forecasters expect steady rain over Caracas through the week.';
const SITE = 'https://news.example';
const index = createClaimIndex();
const matcher = (budget?: number) => new BlockMatcher(() => index, budget);

describe('BlockMatcher', () => {
  it('finds claims in a unit, with offsets into it', () => {
    const found = matcher().match(SITE, `Intro. ${BOMBERS}`, '');
    expect(found.map((m) => m.claimId)).toContain('nuclear-capable-bombers-in-december');
    for (const m of found) expect(`Intro. ${BOMBERS}`.slice(m.start, m.end)).toBe(m.text);
  });

  it('reads the look-ahead but returns only the matches that start in the unit', () => {
    const m = matcher();
    expect(m.match(SITE, NOTHING, BOMBERS)).toEqual([]);
    expect(m.match(SITE, BOMBERS, NOTHING).map((x) => x.claimId)).toContain('nuclear-capable-bombers-in-december');
  });

  it('makes the index once, and remembers units by key, for their own origin only', () => {
    const load = vi.fn(() => index);
    const matchText = vi.mocked(match.matchText);
    const m = new BlockMatcher(load);
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

  it('keeps what it remembers within its budget of bytes, forgetting the least recently used', () => {
    const m = matcher(20_000);
    for (let i = 0; i < 200; i++) m.match(SITE, `${BOMBERS} Edition ${i}.`, '');
    expect(m.rememberedBytes).toBeGreaterThan(0);
    expect(m.rememberedBytes).toBeLessThanOrEqual(20_000);
    expect(m.known(SITE, keyOf(`${BOMBERS} Edition 199.`, ''))).toBeDefined();
    expect(m.known(SITE, keyOf(`${BOMBERS} Edition 0.`, ''))).toBeUndefined();
  });
});

describe('BlockMatcher, when matching a unit fails', () => {
  it('loses only that unit, logs the failure once, and goes on with the others', () => {
    const matchText = vi.mocked(match.matchText);
    const real = matchText.getMockImplementation()!;
    matchText.mockImplementation((i, text) => {
      if (text.includes('one of the')) throw new TypeError("Cannot read properties of undefined (reading 'value')");
      return real(i, text);
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const m = matcher();
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
