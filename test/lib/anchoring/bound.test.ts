import { readFileSync } from 'node:fs';
import { describe as group, expect, it } from 'vitest';
import { anchor, anchorAll, describe, locate, MAX_FUZZY_QUOTE, MAX_WORK } from '@/lib/anchoring';

const words = ['000_83cce7683dc0c4f8.txt', '002_1234823e6659f5c9.txt']
  .map((f) => readFileSync(new URL(`../../fixtures/articles/${f}`, import.meta.url), 'utf8'))
  .join(' ')
  .split(/\s+/);

/** About 1 MB of the articles' words in a fixed pseudo-random order. */
function megabytePage(): string {
  const out: string[] = [];
  let length = 0;
  for (let seed = 1; length < 1_000_000; ) {
    seed = (seed * 16807) % 2147483647;
    const word = words[seed % words.length]!;
    out.push(word);
    length += word.length + 1;
  }
  return out.join(' ');
}

const page = megabytePage();
const repeated = 'Troops arrived on Saturday, officials said. '.repeat(23_000);
const changeAt = (text: string, at: number) => `${text.slice(0, at)}CHANGED${text.slice(at + 10)}`;
/** The work one note may take: the budget, plus the start of one match found within it. */
const BOUND = MAX_WORK + 2 * MAX_FUZZY_QUOTE * Math.ceil(MAX_FUZZY_QUOTE / 32);

group('anchoring is bounded on a 1 MB page', () => {
  it('a 5,000-character quote edited inside is too long to fuzzy-match: not found, and says it was bounded', () => {
    const note = describe(page, 500_000, 505_000);
    const report = locate(changeAt(page, 502_500), note);
    expect(report).toEqual({ anchor: null, work: 0, limited: true });
    // The same quote is still found by position, and by exact quote when it moved.
    expect(anchor(page, note)).toMatchObject({ start: 500_000, method: 'position' });
    expect(anchor(`Update.\n\n${page}`, note)).toMatchObject({ start: 500_009, end: 505_009, method: 'quote' });
  });

  it('a 5,000-character quote edited inside, on a page of repeated text, returns (this hung)', () => {
    const note = describe(changeAt(repeated, 502_500), 500_000, 505_000);
    expect(locate(repeated, note)).toEqual({ anchor: null, work: 0, limited: true });
  });

  it('a quote of one repeated letter on a page of it returns (the native search took seconds)', () => {
    const original = `${'a'.repeat(400_000)}b${'a'.repeat(600_000)}`;
    const note = describe(original, 399_999, 404_999);
    const report = locate('a'.repeat(1_000_000), note);
    expect(report.anchor).toBeNull();
    expect(report.limited).toBe(true);
  });

  it('fuzzy search stops at its work budget, and finds an edited quote near its position within it', () => {
    const note = describe(changeAt(repeated, 501_000), 500_000, 500_000 + MAX_FUZZY_QUOTE);
    const report = locate(repeated, note);
    expect(report.work).toBeLessThanOrEqual(BOUND);
    expect(report.anchor?.method).toBe('fuzzy');
    expect(Math.abs(report.anchor!.start - 500_000)).toBeLessThan(50);
  });

  it('a removed quote is searched for only as far as the budget allows, then reported not found', () => {
    const note = describe(page, 500_000, 500_080);
    const report = locate(page.slice(0, 500_000) + page.slice(500_080), note);
    expect(report.anchor).toBeNull();
    expect(report.work).toBeGreaterThan(0);
    expect(report.work).toBeLessThanOrEqual(BOUND);
  });

  it('finds an edited quote far from its position when the budget reaches it', () => {
    const note = describe(page, 500_000, 500_060);
    const moved = changeAt(page.slice(0, 100_000) + page.slice(150_000), 450_020); // 50k characters cut above it
    const report = locate(moved, note);
    expect(report.anchor).toMatchObject({ method: 'fuzzy' });
    expect(Math.abs(report.anchor!.start - 450_000)).toBeLessThanOrEqual(2);
    expect(report.work).toBeLessThanOrEqual(BOUND);
  });
});

group('anchorAll', () => {
  it('anchors a page of notes in order, as anchor does one by one', async () => {
    const notes = [100, 200_000, 600_000, 900_000].map((at) => describe(page, at, at + 40));
    const revised = changeAt(`An update.\n\n${page}`, 600_030);
    expect(await anchorAll(revised, notes)).toEqual(notes.map((n) => anchor(revised, n)));
  });

  it('gives the event loop turns while it works through many notes', async () => {
    // 40 removed quotes on 1 MB: each is searched as far as its budget allows, so the whole run is long.
    const notes = Array.from({ length: 40 }, (_, i) => describe(page, 10_000 + i * 20_000, 10_000 + i * 20_000 + 60));
    const revised = notes.reduceRight((text, n) => text.slice(0, n.position.start) + text.slice(n.position.end), page);
    let timerRan = false;
    setTimeout(() => (timerRan = true), 0);
    const found = await anchorAll(revised, notes);
    expect(found.every((a) => a === null)).toBe(true);
    expect(timerRan).toBe(true);
  });
});
