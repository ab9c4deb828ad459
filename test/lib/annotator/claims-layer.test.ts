// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClaimsLayer, CONFLICTING, CORROBORATED } from '@/lib/annotator/claims-layer';
import { splitBlocks } from '@/lib/annotator/blocks';
import type { BlockMatch, PageClaim } from '@/lib/pages/page-schema';
import { installFakeHighlights, paintedTexts } from '../../support/fake-highlights';

/** A stand-in matcher: a claim wherever a block contains one of these words. */
const WORDS: Record<string, string> = { bombers: 'bombers-claim', troops: 'troops-claim' };

function makeLayer(matchBlock?: (text: string, block: number) => BlockMatch[]) {
  const asked: string[][] = [];
  const reports: { claims: PageClaim[]; words: number }[] = [];
  const runs = { count: 0 };
  const layer = new ClaimsLayer({
    root: () => {
      runs.count++;
      return document.body;
    },
    async match(blocks) {
      asked.push(blocks);
      if (matchBlock) return blocks.flatMap((text, block) => matchBlock(text, block));
      return blocks.flatMap((text, block): BlockMatch[] =>
        Object.entries(WORDS).flatMap(([word, claimId]) => {
          const start = text.indexOf(word);
          return start < 0 ? [] : [{ block, claimId, start, end: start + word.length, text: word, stance: 'corroborates', score: 1 }];
        }),
      );
    },
    async report(found) {
      reports.push(found);
    },
  });
  return { layer, asked, reports, runs };
}

beforeEach(() => {
  document.body.innerHTML = '<h1>Two bombers</h1><p>Nearly 100 troops landed.</p><p>Nothing here.</p>';
});

describe('splitBlocks', () => {
  it('splits page text on block separators, keeping offsets', () => {
    expect(splitBlocks('ab\n\ncd\n\n\n\nef')).toEqual([
      { text: 'ab', start: 0 },
      { text: 'cd', start: 4 },
      { text: 'ef', start: 10 },
    ]);
  });
});

describe('ClaimsLayer', () => {
  it('finds claims with page offsets and live ranges, and reports them in page order', async () => {
    const { layer, reports } = makeLayer();
    await layer.scan();
    expect(layer.claims.map((f) => [f.claim.claimId, f.range.toString()])).toEqual([
      ['bombers-claim', 'bombers'],
      ['troops-claim', 'troops'],
    ]);
    expect(reports).toHaveLength(1);
    expect(reports[0]!.claims.map((c) => c.claimId)).toEqual(['bombers-claim', 'troops-claim']);
    expect(reports[0]!.words).toBe(8);
  });

  it('keeps only matches that start in their own block, though each block is matched with the next as context', async () => {
    const { layer, asked } = makeLayer();
    await layer.scan();
    // The heading's window carries the start of the paragraph after it…
    expect(asked[0]![0]).toBe('Two bombers\n\nNearly 100 troops landed.');
    // …but "troops" is found once, in its own block.
    expect(layer.claims.filter((f) => f.claim.claimId === 'troops-claim')).toHaveLength(1);
  });

  it('on a rescan, asks the matcher only about blocks whose text changed, and repaints on the new nodes', async () => {
    const { layer, asked, reports } = makeLayer();
    await layer.scan();
    document.body.insertAdjacentHTML('beforeend', '<p>More troops arrived.</p>');
    await layer.scan();
    expect(asked[1]).toEqual(['Nothing here.\n\nMore troops arrived.', 'More troops arrived.']);
    expect(layer.claims.map((f) => f.claim.claimId)).toEqual(['bombers-claim', 'troops-claim', 'troops-claim']);
    // The same text in new nodes (a page that re-renders) costs no matching, and no new report.
    const html = document.body.innerHTML;
    document.body.innerHTML = html;
    await layer.scan();
    expect(asked).toHaveLength(2);
    expect(reports).toHaveLength(2);
    expect(layer.claims.every((f) => f.range.startContainer.isConnected)).toBe(true);
  });

  it('coalesces scans asked for while one runs into one more run', async () => {
    const { layer, runs } = makeLayer();
    await Promise.all([layer.scan(), layer.scan(), layer.scan()]);
    await new Promise((r) => setTimeout(r, 0));
    expect(runs.count).toBe(2);
  });

  it('clears everything when turned off, and says so to the background', async () => {
    const { layer, reports } = makeLayer();
    await layer.scan();
    await layer.clear();
    expect(layer.claims).toEqual([]);
    expect(reports.at(-1)!.claims).toEqual([]);
  });
});

describe('paint once', () => {
  let uninstall: () => void;
  beforeEach(() => {
    uninstall = installFakeHighlights();
  });
  afterEach(() => uninstall());

  it('a sentence stating several claims carries one highlight, a conflict wins, and every claim stays listed', async () => {
    document.body.innerHTML = '<p>Two bombers and 100 troops landed.</p><p>Nearly 100 troops.</p>';
    const sentence = 'Two bombers and 100 troops landed.';
    const { layer } = makeLayer((text, block) => {
      if (!text.startsWith(sentence)) return text.startsWith('Nearly') ? [{ block, claimId: 'troops', start: 0, end: 18, text: 'Nearly 100 troops.', stance: 'corroborates', score: 1 }] : [];
      const whole = { block, start: 0, end: sentence.length, text: sentence, score: 0.9 };
      return [
        { ...whole, claimId: 'bombers', stance: 'corroborates' },
        { ...whole, claimId: 'troops-count', stance: 'conflicts', differs: [{ what: 'count', expected: '5,000', found: '100' }] },
        { ...whole, claimId: 'landed', stance: 'corroborates' },
      ];
    });
    await layer.scan();
    expect(paintedTexts(CONFLICTING)).toEqual([sentence]);
    expect(paintedTexts(CORROBORATED)).toEqual(['Nearly 100 troops.']);
    expect(layer.claims.map((f) => f.claim.claimId)).toEqual(['bombers', 'troops-count', 'landed', 'troops']);
    // Each claim of the sentence leads to the same passage, whose card lists all three.
    const passage = layer.claims[0]!.span;
    expect(layer.claims.slice(0, 3).every((f) => f.span === passage)).toBe(true);
    expect(passage.claims.map((c) => c.claimId)).toEqual(['bombers', 'troops-count', 'landed']);
  });
});
