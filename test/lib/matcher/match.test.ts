import { describe, expect, it } from 'vitest';
import mini from '../../fixtures/eval/mini-database.json';
import { ClaimDatabaseSchema } from '@/lib/claims/schema';
import { readLexicon } from '@/lib/cli/lexicon-file';
import { buildClaimIndex } from '@/lib/matcher/claim-index';
import { matchText, matchWithLookAhead } from '@/lib/matcher/match';
import { ClaimMatchSchema } from '@/lib/matcher/schema';
import { bundledIndex } from '../../support/bundled-index';

const index = buildClaimIndex(ClaimDatabaseSchema.parse(mini), readLexicon());
const only = (text: string) => {
  const found = matchText(index, text);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('matchText', () => {
  it('matches a sentence to the linked claim whose facts agree, and corroborates it', () => {
    const m = only('Two Russian bombers landed in Venezuela in January.');
    expect(m).toMatchObject({ claimId: 'bombers-in-january', stance: 'corroborates' });
    expect(only('Russia flew a pair of bombers to Venezuela last December.').claimId).toBe('bombers-in-december');
  });

  it('matches the nearest claim with stance conflicts when no claim has those facts', () => {
    const m = only('Russia sent two bombers to Venezuela in March.');
    expect(m.stance).toBe('conflicts');
    expect(m.differs).toEqual([{ what: 'bomber-date', expected: expect.stringMatching(/December|January/), found: 'March' }]);
  });

  it('reads approximate figures as agreeing and different counts as conflicting', () => {
    for (const text of [
      'About a hundred Russian soldiers touched down in Caracas on Saturday.',
      'Some 99 Russian troops landed in Caracas at the weekend.',
      'One hundred Russian troops landed in Caracas on March 23.',
    ]) {
      expect(only(text)).toMatchObject({ claimId: 'troops-landed', stance: 'corroborates' });
    }
    const m = only('Venezuelan troops blocked aid at the border, killing two people.');
    expect(m).toMatchObject({ claimId: 'aid-blocked-four-killed', stance: 'conflicts' });
    expect(m.differs).toEqual([{ what: 'death-toll', expected: 'four people', found: 'two' }]);
    expect(only('Some 400 Russian troops landed in Caracas on Saturday.').differs?.[0]).toMatchObject({ what: 'troop-count', found: '400' });
  });

  it('compares a count with the count of the same thing: planes are not troops, servicemen are', () => {
    const m = only('Two Russian air force planes touched down in Caracas on Saturday, carrying about 100 servicemen.');
    expect(m).toMatchObject({ claimId: 'troops-landed', stance: 'corroborates' });
  });

  it('flags a date that differs, and not the date a report was made', () => {
    expect(only('Nearly 100 Russian troops landed in Caracas on Tuesday.').differs).toEqual([
      { what: 'arrival-date', expected: 'on Saturday', found: 'Tuesday' },
    ]);
  });

  it('treats a denial of a claim as a conflict, and a claim that is itself a denial as agreeing', () => {
    expect(only('Russian officials have commented on the flights.').differs?.[0]?.what).toBe('negation');
    expect(only("Russian officials haven't commented on the flights.").stance).toBe('corroborates');
  });

  it('matches nothing in sentences about the same people and places that state no claim', () => {
    for (const text of [
      'Russian troops held a parade in Caracas.',
      'Venezuela bought two Russian helicopters in January.',
      'Caracas was quiet on Saturday.',
    ]) {
      expect(matchText(index, text)).toEqual([]);
    }
  });

  it('returns whole sentences with UTF-16 offsets into the given text', () => {
    const text = '🇻🇪 Caracas, Sunday\n\nWeather was fine. Two Russian bombers landed in Venezuela in January! Nothing else.';
    const [m] = matchText(index, text);
    expect(m).toBeDefined();
    expect(text.slice(m!.start, m!.end)).toBe('Two Russian bombers landed in Venezuela in January!');
    expect(m!.text).toBe(text.slice(m!.start, m!.end));
    expect(() => ClaimMatchSchema.parse(m)).not.toThrow();
  });

  it('finds a verbatim quote as its own claim and scores it 1', () => {
    const m = only('In December, Russia sent two bomber aircraft to Venezuela.');
    expect(m).toMatchObject({ claimId: 'bombers-in-december', stance: 'corroborates', score: 1 });
  });
});

describe('matchWithLookAhead', () => {
  const bundled = bundledIndex();
  const FIRST = 'In January, both countries held joint military exercises in Venezuela.';
  const SECOND = 'Two Russian Tu-160 strategic bombers flew to the country.';
  const TROOPS = 'Nearly 100 Russian troops have reportedly landed in the Venezuelan capital of Caracas.';

  it('finds a quote that runs on into the look-ahead, and nothing the look-ahead states alone', () => {
    const unit = `The drills were not the first. ${FIRST}`;
    const found = matchWithLookAhead(bundled, unit, SECOND);
    // The quote of the Tu-160 claim starts in the unit and ends in the look-ahead.
    const quote = found.find((m) => m.claimId === 'tu160-bombers-in-january');
    expect(quote).toMatchObject({ start: unit.indexOf(FIRST), end: unit.length + 2 + SECOND.length, score: 1 });
    expect(matchWithLookAhead(bundled, 'Officials met on Monday.', TROOPS)).toEqual([]);
  });

  it('returns what matching the whole text would, less what starts in the look-ahead', () => {
    for (const [unit, lookAhead] of [
      [`The drills were not the first. ${FIRST}`, SECOND],
      [TROOPS, FIRST],
      [`${SECOND} ${TROOPS}`, ''],
    ] as const) {
      const whole = matchText(bundled, lookAhead ? `${unit}\n\n${lookAhead}` : unit).filter((m) => m.start < unit.length);
      expect(matchWithLookAhead(bundled, unit, lookAhead)).toEqual(whole);
    }
  });
});
