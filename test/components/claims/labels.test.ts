import { describe, expect, it } from 'vitest';
import { CLAIM_TYPE_LABEL, SOURCE_KIND_LABEL, asLabel, formatDay, humanizeKey, truncate } from '@/components/claims/labels';
import { ClaimTypeSchema, SourceKindSchema } from '@/lib/claims/schema';

describe('claim labels', () => {
  it('names every claim type and source kind of the schema', () => {
    expect(Object.keys(CLAIM_TYPE_LABEL).sort()).toEqual([...ClaimTypeSchema.options].sort());
    expect(Object.keys(SOURCE_KIND_LABEL).sort()).toEqual([...SourceKindSchema.options].sort());
  });

  it('formats full ISO days in UTC and leaves anything else as the database has it', () => {
    expect(formatDay('2019-03-24')).toBe('24 Mar 2019');
    expect(formatDay('2018-12')).toBe('2018-12');
    expect(formatDay('2019-02-30x')).toBe('2019-02-30x');
  });

  it('makes keys and phrases readable as labels', () => {
    expect(humanizeKey('death-toll')).toBe('Death toll');
    expect(asLabel('when the joint exercises were held')).toBe('When the joint exercises were held:');
    expect(asLabel('did Russian officials comment?')).toBe('Did Russian officials comment?');
  });

  it('truncates on a word boundary with an ellipsis, and leaves short text alone', () => {
    expect(truncate('  short   text ', 20)).toBe('short text');
    const cut = truncate('one two three four five six seven', 16);
    expect(cut).toBe('one two three…');
    expect(cut.length).toBeLessThanOrEqual(16);
  });
});
