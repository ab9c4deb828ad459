import { describe, expect, it, vi } from 'vitest';
import { countWords, wordsOfAll, type Unit } from '@/lib/annotator/units';

const unit = (text: string) => ({ text }) as Unit;

describe('word counts', () => {
  it('counts runs of anything but white space, no-break spaces included', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('  Nearly 100\u00a0Russian\ttroops \n landed. ')).toBe(5);
  });

  it("counts a page's units in slices, giving the page its thread back as it goes, and keeps each unit's count", async () => {
    const units = Array.from({ length: 100 }, (_, i) => unit(`word ${i} more words`));
    const slice = { pause: vi.fn(async () => undefined) };
    expect(await wordsOfAll(units, slice)).toBe(400);
    expect(slice.pause).toHaveBeenCalledTimes(6); // after every 16 units
    expect(units.every((u) => u.words === 4)).toBe(true);
  });
});
