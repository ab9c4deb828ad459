// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spansToPaint } from '@/lib/annotator/claim-painting';
import { ClaimsLayer, CONFLICTING, CORROBORATED } from '@/lib/annotator/claims-layer';
import { ARTICLE_TEXT } from '@/lib/dom/article-text';
import { BlockReader } from '@/lib/dom/block-reader';
import { fakeBackground } from '../../support/fake-background';
import { installFakeHighlights, paintedTexts } from '../../support/fake-highlights';

const BOMBERS = 'In December, Russia sent two bomber aircraft capable of carrying nuclear weapons to Venezuela.';
const TROOPS = 'Nearly 100 Russian troops have reportedly landed in the Venezuelan capital of Caracas.';
// Harbor Post's own figure: February where the sources say January.
const FEBRUARY = 'Russia and Venezuela held joint military exercises in February, the Venezuelan defence ministry said.';

describe('spansToPaint', () => {
  const spans = [
    { stance: 'corroborates' as const, id: 1 },
    { stance: 'conflicts' as const, id: 2 },
    { stance: 'corroborates' as const, id: 3 },
  ];

  it('paints every passage, the conflicting ones only, or none', () => {
    expect(spansToPaint(spans, 'all').map((s) => s.id)).toEqual([1, 2, 3]);
    expect(spansToPaint(spans, 'conflicts').map((s) => s.id)).toEqual([2]);
    expect(spansToPaint(spans, 'none')).toEqual([]);
  });
});

describe('ClaimsLayer in each painting mode', () => {
  let uninstall: () => void;
  beforeEach(() => {
    uninstall = installFakeHighlights();
    document.body.innerHTML = `<h1>Exercises</h1><p>${BOMBERS}</p><p>${FEBRUARY}</p><p>${TROOPS}</p>`;
  });
  afterEach(() => uninstall());

  const scanned = async (paint: 'all' | 'conflicts' | 'none') => {
    const background = fakeBackground();
    background.state.paint = paint;
    const layer = new ClaimsLayer({ reader: new BlockReader(() => document.body, ARTICLE_TEXT), ...background.deps, first: () => new Set() });
    await layer.scan();
    return { layer, background };
  };
  const reported = (b: ReturnType<typeof fakeBackground>) => b.shown()!.claims.map((c) => [c.claimId, c.stance]);

  it('takes its mode from the first answer: conflicts only paints the conflict, and still reports every claim', async () => {
    const all = await scanned('all');
    expect(paintedTexts(CORROBORATED)).toEqual([BOMBERS, TROOPS]);
    expect(paintedTexts(CONFLICTING)).toEqual([FEBRUARY]);
    const everything = reported(all.background);
    expect(everything).toContainEqual(['joint-exercises-in-january-in-venezuela', 'conflicts']);

    const { layer, background } = await scanned('conflicts');
    expect(paintedTexts(CORROBORATED)).toEqual([]);
    expect(paintedTexts(CONFLICTING)).toEqual([FEBRUARY]);
    expect(reported(background)).toEqual(everything);
    expect(layer.claims.map((f) => f.claim.claimId)).toEqual(all.layer.claims.map((f) => f.claim.claimId));
  });

  it('"nothing" paints nothing, yet the page reports every claim (the badge and the popup count them)', async () => {
    const { layer, background } = await scanned('none');
    expect([...paintedTexts(CORROBORATED), ...paintedTexts(CONFLICTING)]).toEqual([]);
    expect(reported(background).length).toBeGreaterThanOrEqual(3);
    expect(layer.claims.length).toBe(reported(background).length);
  });

  it('repaints at once when the mode changes, without asking the background again', async () => {
    const { layer, background } = await scanned('all');
    const asked = [background.lookups.length, background.matches.length, background.reports.length];
    layer.setPaintMode('none');
    expect([...paintedTexts(CORROBORATED), ...paintedTexts(CONFLICTING)]).toEqual([]);
    layer.setPaintMode('conflicts');
    expect(paintedTexts(CORROBORATED)).toEqual([]);
    expect(paintedTexts(CONFLICTING)).toEqual([FEBRUARY]);
    layer.setPaintMode('all');
    expect(paintedTexts(CORROBORATED)).toEqual([BOMBERS, TROOPS]);
    expect([background.lookups.length, background.matches.length, background.reports.length]).toEqual(asked);
  });

  it('a mode pushed while a question is on its way is not undone by its answer, asked before the change', async () => {
    const background = fakeBackground();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const lookup = background.deps.lookup;
    const deps = {
      ...background.deps,
      lookup: async (...args: Parameters<typeof lookup>) => {
        const reply = await lookup(...args); // the answer says "every claim"
        await held;
        return reply;
      },
    };
    const layer = new ClaimsLayer({ reader: new BlockReader(() => document.body, ARTICLE_TEXT), ...deps, first: () => new Set() });
    const scanning = layer.scan();
    await new Promise((r) => setTimeout(r, 50));
    layer.setPaintMode('none'); // the reader changed it meanwhile
    release();
    await scanning;
    expect([...paintedTexts(CORROBORATED), ...paintedTexts(CONFLICTING)]).toEqual([]);
    expect(background.shown()!.claims.length).toBeGreaterThanOrEqual(3);
  });

  it('a click where a claim is not painted finds nothing to open; where it is, its passage', async () => {
    const { layer } = await scanned('conflicts');
    // happy-dom has no layout: the point is on the bombers' sentence, inside every box.
    const bombers = document.querySelectorAll('p')[0]!.firstChild!;
    const february = document.querySelectorAll('p')[1]!.firstChild!;
    let under: Node = bombers;
    const doc = document as unknown as { caretPositionFromPoint: unknown };
    doc.caretPositionFromPoint = () => ({ offsetNode: under, offset: 5 });
    const rects = Range.prototype.getClientRects;
    Range.prototype.getClientRects = () => [{ left: 0, right: 100, top: 0, bottom: 100 }] as never;
    try {
      expect(layer.at(10, 10)).toEqual([]);
      under = february;
      expect(layer.at(10, 10).map((s) => s.range.toString())).toEqual([FEBRUARY]);
      layer.setPaintMode('none');
      expect(layer.at(10, 10)).toEqual([]);
      layer.setPaintMode('all');
      under = bombers;
      expect(layer.at(10, 10).map((s) => s.range.toString())).toEqual([BOMBERS]);
    } finally {
      Range.prototype.getClientRects = rects;
      delete (document as unknown as { caretPositionFromPoint?: unknown }).caretPositionFromPoint;
    }
  });
});
