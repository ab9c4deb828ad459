// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClaimsLayer, CONFLICTING, CORROBORATED } from '@/lib/annotator/claims-layer';
import { ARTICLE_TEXT } from '@/lib/dom/article-text';
import { BlockReader } from '@/lib/dom/block-reader';
import type { PageText } from '@/lib/dom/page-text';
import * as wire from '@/lib/pages/wire';
import { MAX_BATCH_CHARS, MAX_UNIT_CHARS } from '@/lib/pages/wire';
import { fakeBackground } from '../../support/fake-background';
import { installFakeHighlights, paintedTexts } from '../../support/fake-highlights';

// Counts the page's own hashing (the background's, inside wire.ts, is not counted).
vi.mock('@/lib/pages/wire', async (original) => {
  const actual = await original<typeof wire>();
  return { ...actual, hashText: vi.fn(actual.hashText) };
});

const BOMBERS = 'In December, Russia sent two bomber aircraft capable of carrying nuclear weapons to Venezuela.';
const TROOPS = 'Nearly 100 Russian troops have reportedly landed in the Venezuelan capital of Caracas.';
const NOTHING = 'Forecasters expect steady rain over Caracas through the week.';
const TWO_CLAIMS =
  'Two Russian air force planes touched down at Simón Bolívar International Airport outside Caracas on Saturday, carrying about 100 servicemen and some 35 tonnes of cargo, Reuters reported.';

function makeLayer(background = fakeBackground(), first?: (blocks: readonly PageText[]) => Set<PageText>) {
  const reader = new BlockReader(() => document.body, ARTICLE_TEXT);
  const layer = new ClaimsLayer({ reader, ...background.deps, first: first ?? (() => new Set()) });
  // What a MutationObserver would hand the layer in the content script.
  const observer = new MutationObserver((records) => layer.invalidate(records));
  observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
  const flush = () => layer.invalidate(observer.takeRecords());
  return { layer, background, flush };
}

/** `n` paragraphs of text that states no claim. */
const rain = (n: number) => Array.from({ length: n }, (_, i) => `<p>Paragraph ${i}: ${'rain over the river market and the garden, '.repeat(10)}</p>`).join('');
/** Enough text that the page asks by keys before sending any (a short page sends its text at once). */
const FILLER = rain(40);

/** A background that holds its answers to all but a first screen's requests until `release()`. */
function holdingBackground() {
  let release!: () => void;
  const background = fakeBackground();
  background.state.hold = new Promise((r) => (release = r));
  return { background, release };
}

const claimIds = (layer: ClaimsLayer) => layer.claims.map((f) => f.claim.claimId);
const sentChars = (b: ReturnType<typeof fakeBackground>) => b.matches.flatMap((m) => m.units).reduce((n, u) => n + u.text.length, 0);

let uninstall: () => void;
beforeEach(() => {
  uninstall = installFakeHighlights();
  document.body.innerHTML = `<nav>${TROOPS}</nav><h1>Bombers</h1><p>${BOMBERS}</p><p>${NOTHING}</p><p>${TROOPS}</p>`;
});
afterEach(() => uninstall());

describe('ClaimsLayer', () => {
  it('finds the claims of the article (not its navigation) with live ranges; the background puts the report together', async () => {
    const { layer, background } = makeLayer();
    await layer.scan();
    expect(claimIds(layer)).toEqual(['nuclear-capable-bombers-in-december', 'russian-troops-landed-nearly-100']);
    expect(layer.claims.map((f) => f.range.toString())).toEqual([BOMBERS, TROOPS]);
    expect(paintedTexts(CORROBORATED)).toEqual([BOMBERS, TROOPS]);
    const shown = background.shown()!;
    expect(shown.claims.map((c) => c.claimId)).toEqual(claimIds(layer));
    const text = `Bombers\n\n${BOMBERS}\n\n${NOTHING}\n\n${TROOPS}`;
    for (const c of shown.claims) expect(text.slice(c.start, c.end)).toBe(c.text);
    expect(shown.words).toBe(text.split(/\s+/).length);
  });

  it('sends each unit of text once, its look-ahead taken from the next unit sent, and no text back', async () => {
    const { layer, background } = makeLayer();
    await layer.scan();
    const units = background.matches.flatMap((m) => m.units);
    expect(units.map((u) => u.text)).toEqual(['Bombers', BOMBERS, NOTHING, TROOPS]);
    expect(units.every((u) => u.context === undefined)).toBe(true);
    expect(sentChars(background)).toBe(['Bombers', BOMBERS, NOTHING, TROOPS].join('').length);
  });

  it('on a long page, a reload (a new content script) sends its text unhashed, and the background matches none of it again', async () => {
    document.body.insertAdjacentHTML('beforeend', FILLER);
    const background = fakeBackground();
    await makeLayer(background).layer.scan();
    const matched = background.newlyMatched();
    const { layer } = makeLayer(background);
    await layer.scan();
    // A first scan asks by no key (hashing a page costs it more than sending it): the background knows the text by its own keys.
    expect(background.lookups.at(-1)).toEqual([]);
    expect(background.newlyMatched()).toBe(matched);
    expect(claimIds(layer)).toEqual(['nuclear-capable-bombers-in-december', 'russian-troops-landed-nearly-100']);
    // Later scans of much text ask by key first.
    await layer.claimsChanged();
    expect(background.lookups.at(-1)).toHaveLength(44);
  });

  it('on a page with no claim, reports nothing, and still knows its length in words when asked (the popup)', async () => {
    document.body.innerHTML = `<p>${NOTHING}</p>`;
    const { layer, background, flush } = makeLayer();
    await layer.scan();
    expect(background.reports).toEqual([]);
    expect(layer.wordCount).toBe(NOTHING.split(' ').length);
    document.body.insertAdjacentHTML('beforeend', '<p>Two more.</p>');
    flush();
    await layer.scan();
    expect(layer.wordCount).toBe(NOTHING.split(' ').length + 2);
  });

  it('when the claims change, asks again about every unit it shows and reports the page again', async () => {
    const { layer, background } = makeLayer();
    await layer.scan();
    const [sent, reports] = [sentChars(background), background.reports.length];
    background.restart(); // the background's matcher moved to a new index, and forgot its answers
    await layer.scan();
    expect(sentChars(background)).toBe(sent); // nothing changed on the page: a plain scan asks nothing
    await layer.claimsChanged();
    expect(sentChars(background)).toBe(2 * sent);
    expect(background.reports).toHaveLength(reports + 1);
    expect(claimIds(layer)).toEqual(['nuclear-capable-bombers-in-december', 'russian-troops-landed-nearly-100']);
  });

  it('on a rescan, reads and sends only what changed, in one question when it is short', async () => {
    document.body.insertAdjacentHTML('beforeend', FILLER);
    const { layer, background, flush } = makeLayer();
    await layer.scan();
    const [lookups, chars] = [background.lookups.length, sentChars(background)];
    document.querySelectorAll('p')[1]!.textContent = `${NOTHING} More rain.`;
    flush();
    await layer.scan();
    // The changed paragraph only (the one before it looks ahead to its first sentence, which is the
    // same): little text, sent with the question.
    expect(background.lookups.slice(lookups)).toEqual([[]]);
    expect(sentChars(background) - chars).toBe(`${NOTHING} More rain.`.length);
    expect(claimIds(layer)).toEqual(['nuclear-capable-bombers-in-december', 'russian-troops-landed-nearly-100']);
    // The same text in new nodes costs no matching, and no new report.
    const reports = background.reports.length;
    const html = document.body.innerHTML;
    document.body.innerHTML = html;
    flush();
    await layer.scan();
    expect(background.reports).toHaveLength(reports);
    expect(layer.claims.every((f) => f.range.startContainer.isConnected)).toBe(true);
  });

  it('keeps the answers of what the page shows only: a paragraph removed and shown again is asked about again', async () => {
    const { layer, background, flush } = makeLayer();
    await layer.scan();
    const bombers = [...document.querySelectorAll('p')].find((p) => p.textContent === BOMBERS)!;
    const next = bombers.nextSibling;
    bombers.remove();
    flush();
    await layer.scan();
    expect(claimIds(layer)).toEqual(['russian-troops-landed-nearly-100']);
    const [lookups, matches] = [background.lookups.length, background.matches.length];
    document.body.insertBefore(bombers, next);
    flush();
    await layer.scan();
    // The background (the one cache) answers again; the page kept nothing of a paragraph it no longer showed.
    const asked = background.matches.slice(matches).flatMap((m) => m.units.map((u) => u.text));
    expect(background.lookups.length > lookups || asked.includes(BOMBERS)).toBe(true);
    expect(claimIds(layer)).toEqual(['nuclear-capable-bombers-in-december', 'russian-troops-landed-nearly-100']);
  });

  it("sends a long page's first screen first, and paints it before the rest has been answered", async () => {
    document.body.innerHTML = `<p>${BOMBERS}</p>${FILLER}<p>${TROOPS}</p>`;
    const { background, release } = holdingBackground();
    const last = (blocks: readonly PageText[]) => new Set(blocks.slice(-1));
    const { layer } = makeLayer(background, last);
    const done = layer.scan();
    for (let i = 0; i < 100 && background.matches.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    expect(background.matches[0]).toMatchObject({ first: true, units: [{ text: TROOPS }] });
    expect(claimIds(layer)).toEqual(['russian-troops-landed-nearly-100']);
    release();
    await done;
    expect(claimIds(layer)).toEqual(['nuclear-capable-bombers-in-december', 'russian-troops-landed-nearly-100']);
  });

  it('on a long page, sends every batch before the first answer comes, and reports its claims by the keys the background gave, hashing nothing', async () => {
    document.body.innerHTML = `<p>${BOMBERS}</p>${rain(160)}<p>${TROOPS}</p>`;
    const { background, release } = holdingBackground();
    const { layer } = makeLayer(background, (blocks) => new Set(blocks.slice(-1)));
    vi.mocked(wire.hashText).mockClear();
    const done = layer.scan();
    for (let i = 0; i < 100 && background.matches.length < 3; i++) await new Promise((r) => setTimeout(r, 20));
    // The first screen and both batches of the rest are out, though no answer to the rest has come.
    expect(background.matches.map((m) => m.first)).toEqual([true, false, false]);
    release();
    await done;
    expect(claimIds(layer)).toEqual(['nuclear-capable-bombers-in-december', 'russian-troops-landed-nearly-100']);
    expect(background.shown()!.claims.map((c) => c.claimId)).toEqual(claimIds(layer));
    expect(wire.hashText).not.toHaveBeenCalled();
  });

  it('a short page asks one question with its text; without claims it reports nothing, and a revisit is one question again', async () => {
    document.body.innerHTML = `<h1>Weather</h1><p>${NOTHING}</p><p>Drivers should allow extra time.</p>`;
    const background = fakeBackground();
    await makeLayer(background).layer.scan();
    expect(background.lookups).toEqual([[]]);
    expect(background.matches).toHaveLength(1); // the text went with the question
    expect(background.reports).toEqual([]);
    const { layer } = makeLayer(background); // a reload
    await layer.scan();
    expect(background.lookups).toHaveLength(2);
    expect(background.firsts).toEqual([true, true]);
    // After a single-page navigation, the next question is a first one again.
    layer.pageChanged();
    await layer.scan();
    expect(background.firsts.at(-1)).toBe(true);
  });

  it('on start, asks its first question before the page is drawn and read, then sends all the text with no second question', async () => {
    document.body.insertAdjacentHTML('beforeend', FILLER);
    const { layer, background } = makeLayer();
    const read = vi.spyOn(BlockReader.prototype, 'read');
    let drawn!: () => void;
    const started = layer.start(new Promise((r) => (drawn = r)));
    await new Promise((r) => setTimeout(r, 0));
    expect(background.firsts).toEqual([true]);
    expect(background.lookups).toEqual([[]]);
    expect(read).not.toHaveBeenCalled();
    drawn();
    await started;
    expect(background.lookups).toHaveLength(1);
    const sent = background.matches.flatMap((m) => m.units).map((u) => u.text);
    expect(sent).toContain(BOMBERS);
    expect(sent).toContain(TROOPS);
    expect(claimIds(layer)).toEqual(['nuclear-capable-bombers-in-december', 'russian-troops-landed-nearly-100']);
    read.mockRestore();
  });

  it("on start, finds a long page's first screen in the layout it was read after, without waiting for another frame", async () => {
    document.body.insertAdjacentHTML('beforeend', FILLER);
    const reader = new BlockReader(() => document.body, ARTICLE_TEXT);
    const background = fakeBackground();
    const layer = new ClaimsLayer({ reader, ...background.deps }); // the real first screen (onScreen)
    const frames = vi.spyOn(window, 'requestAnimationFrame');
    await layer.start(Promise.resolve());
    expect(frames).not.toHaveBeenCalled();
    expect(background.matches[0]!.first).toBe(true);
    expect(claimIds(layer)).toEqual(['nuclear-capable-bombers-in-december', 'russian-troops-landed-nearly-100']);
    frames.mockRestore();
  });

  it('on start where the site is off, reads and sends nothing once the first question has said so', async () => {
    const background = fakeBackground();
    background.state.enabled = false;
    const { layer } = makeLayer(background);
    const read = vi.spyOn(BlockReader.prototype, 'read');
    let drawn!: () => void;
    const started = layer.start(new Promise((r) => (drawn = r)));
    await new Promise((r) => setTimeout(r, 0));
    drawn();
    await started;
    expect(read).not.toHaveBeenCalled();
    expect(background.matches).toEqual([]);
    expect(layer.isEnabled).toBe(false);
    read.mockRestore();
  });

  it('cuts an oversized block into units and a page of many blocks into requests the background accepts', { timeout: 30_000 }, async () => {
    const filler = 'Rain fell on the river market and the garden all week long. '.repeat(500);
    const many = Array.from({ length: 3000 }, (_, i) => `<p>Paragraph ${i} about the weather.</p>`).join('');
    document.body.innerHTML = `<p>${filler}${BOMBERS}</p>${many}<p>${TROOPS}</p>`;
    const { layer, background } = makeLayer();
    await layer.scan();
    expect(claimIds(layer)).toEqual(['nuclear-capable-bombers-in-december', 'russian-troops-landed-nearly-100']);
    const units = background.matches.flatMap((m) => m.units);
    expect(units.every((u) => u.text.length <= MAX_UNIT_CHARS)).toBe(true);
    expect(background.matches.length).toBeGreaterThan(1);
    for (const m of background.matches) expect(m.units.reduce((n, u) => n + u.text.length + (u.context?.length ?? 0), 0)).toBeLessThanOrEqual(MAX_BATCH_CHARS);
  });

  it('asks about a short page of many small blocks in requests the background accepts', async () => {
    const items = Array.from({ length: 300 }, (_, i) => `<li>Item ${i}</li>`).join('');
    document.body.innerHTML = `<p>${BOMBERS}</p><ul>${items}</ul><p>${TROOPS}</p>`;
    const { layer, background } = makeLayer();
    await layer.scan();
    expect(claimIds(layer)).toEqual(['nuclear-capable-bombers-in-december', 'russian-troops-landed-nearly-100']);
    expect(background.matches.flatMap((m) => m.units)).toHaveLength(302);
  });

  it('paints nothing where the site is off, and clears and says so when turned off', async () => {
    const background = fakeBackground();
    background.state.enabled = false;
    const { layer } = makeLayer(background);
    await layer.scan();
    expect(layer.claims).toEqual([]);
    expect(background.matches).toEqual([]);
    background.state.enabled = true;
    await layer.setEnabled(true);
    expect(claimIds(layer)).toHaveLength(2);
    await layer.setEnabled(false);
    expect(layer.claims).toEqual([]);
    expect(paintedTexts(CORROBORATED)).toEqual([]);
    expect(background.shown()!.claims).toEqual([]);
  });

  it("sends again the units a restarted background forgot, so the tab's report is complete", async () => {
    const background = fakeBackground();
    const { layer, flush } = makeLayer(background);
    await layer.scan();
    background.restart();
    document.querySelector('h1')!.textContent = 'Bombers and troops';
    flush();
    await layer.scan();
    expect(background.shown()!.claims.map((c) => c.claimId)).toEqual(claimIds(layer));
    expect(background.reports.at(-2)!.units).toHaveLength(2);
  });

  it('hands the page its thread back between the passes a scan makes over the whole page', async () => {
    const { layer } = makeLayer();
    await layer.scan();
    // A clock on which every slice is used up at once, and a scheduler that counts the yields.
    let now = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => (now += 100));
    const yields = vi.fn(() => Promise.resolve());
    vi.stubGlobal('scheduler', { yield: yields });
    try {
      await layer.scan(); // nothing changed: no reading, asking or sending, only the passes over what was read
    } finally {
      clock.mockRestore();
      vi.unstubAllGlobals();
    }
    // After linking the units, after finding those without an answer, after painting, after forgetting the others.
    expect(yields.mock.calls.length).toBeGreaterThanOrEqual(4);
    expect(claimIds(layer)).toEqual(['nuclear-capable-bombers-in-december', 'russian-troops-landed-nearly-100']);
  });

  it('coalesces scans asked for while one runs into one more run', async () => {
    const { layer, background } = makeLayer();
    await Promise.all([layer.scan(), layer.scan(), layer.scan()]);
    await new Promise((r) => setTimeout(r, 0));
    expect(background.lookups.length).toBeLessThanOrEqual(2);
  });
});

describe('paint once', () => {
  it('a sentence stating several claims carries one highlight, and every claim stays listed', async () => {
    document.body.innerHTML = `<p>${TWO_CLAIMS}</p><p>${BOMBERS}</p>`;
    const { layer } = makeLayer();
    await layer.scan();
    const ids = claimIds(layer);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    expect([...paintedTexts(CORROBORATED), ...paintedTexts(CONFLICTING)]).toEqual([TWO_CLAIMS, BOMBERS]);
    const passage = layer.claims[0]!.span;
    expect(passage.claims.length).toBe(ids.length - 1);
    expect(layer.claims.slice(0, -1).every((f) => f.span === passage)).toBe(true);
  });
});
