import { describe, expect, it } from 'vitest';
import { compareDates, parseIsoDate, readDates } from '@/lib/matcher/dates';
import { tokenize } from './tokenize';

const read = (text: string) => readDates(tokenize(text));
const saturday = parseIsoDate('2019-03-23');

describe('dates', () => {
  it('reads weekdays, month and day, the weekend and years', () => {
    expect(read('on Saturday')[0]).toMatchObject({ weekdays: [6] });
    expect(read('on March 23, 2019')[0]).toMatchObject({ month: 3, day: 23, year: 2019 });
    expect(read('on 23 March')[0]).toMatchObject({ month: 3, day: 23 });
    expect(read('over the weekend')[0]).toMatchObject({ weekdays: [6, 0] });
    expect(read('From October 2013 to May 2018').map((d) => [d.month, d.year])).toEqual([
      [10, 2013],
      [5, 2018],
    ]);
    expect(read('Russia may send more troops')).toEqual([]);
  });

  it('compares a page date with a claim date on the fields both give', () => {
    expect(saturday.weekdays).toEqual([6]);
    expect(compareDates(read('Saturday')[0]!, saturday)).toBe('agree');
    expect(compareDates(read('March 23')[0]!, saturday)).toBe('agree');
    expect(compareDates(read('the weekend')[0]!, saturday)).toBe('agree');
    expect(compareDates(read('Friday')[0]!, saturday)).toBe('conflict');
    expect(compareDates(read('in January')[0]!, parseIsoDate('2018-12'))).toBe('conflict');
    // A bare year is context unless the claim itself states a year.
    expect(compareDates(read('the 2016 campaign')[0]!, saturday)).toBe('unknown');
  });

  it('marks dates that say when something was reported', () => {
    expect(read('Reuters reported Sunday that planes arrived on Saturday').map((d) => d.attributed)).toEqual([true, false]);
    expect(read('According to Reuters on Sunday, Russia sent troops')[0]?.attributed).toBe(true);
  });
});
