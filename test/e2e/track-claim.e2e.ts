import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, type Driver, type DriverPage } from '../support/driver';
import { highlightPoint, highlightTexts } from '../support/highlights';
import { panelShowing } from '../support/panel';
import { showSelectionButton } from '../support/selection';
import { serveFolder, type StaticServer } from '../support/static-server';
import { GAZETTE_WORDS, TRACKED_SENTENCE, TRIBUNE_WORDS } from '../support/tracked-fixture';
import { waitFor } from '../support/wait';

// Issue 14, part 1, in each browser: the reader tracks a sentence of one outlet's page as a claim
// (the ◎ button beside the selection), words it in the panel and saves; another outlet's page that
// states it in other words is then painted, and the claim's card there lists that page as a sighting;
// a third outlet's page with another day is painted as a conflict, its sighting proposed as one.

let server: StaticServer;
beforeAll(async () => {
  server = await serveFolder();
});
afterAll(() => server?.close());

/** The point on the claim (agreeing or conflicting) painted on `text`, scrolled into view. */
const claimPoint = (page: DriverPage, text: string) => page.evaluate(highlightPoint, { text, names: ['crosscheck-claim', 'crosscheck-conflict'] });

const claimsPainted = async (page: DriverPage) => [
  ...(await page.evaluate(highlightTexts, 'crosscheck-claim')),
  ...(await page.evaluate(highlightTexts, 'crosscheck-conflict')),
];

describe.each(BROWSERS)('%s: track a claim, then meet it on another outlet’s page', (_name, launch) => {
  let driver: Driver;
  beforeAll(async () => {
    driver = await launch();
  });
  afterAll(() => driver?.close());

  it('tracks a sentence, and lists the other outlets’ pages, in their own words, on the claim’s card: one agrees, one conflicts', async () => {
    const ledger = await driver.newPage();
    await ledger.goto(`${server.origin}/track-ledger.html`);
    const at = await showSelectionButton(ledger, TRACKED_SENTENCE, 'crosscheck-track-button');
    await ledger.click(at.x, at.y);
    const panel = await panelShowing(ledger, 'Tracked claim');
    expect(panel).toContain('Eastport Ledger · 16 Nov 2026'); // og:site_name, and the NewsArticle's datePublished
    await waitFor('the statement to be focused', () =>
      ledger.inFrame('/panel.html', () => (document.activeElement as HTMLTextAreaElement | null)?.value === document.querySelector('blockquote')?.textContent),
    );
    await ledger.press('Control+Enter');
    await panelShowing(ledger, 'Saved.');
    // The claim is now in the index: its own page paints it too.
    await waitFor('the tracked sentence painted on its page', async () => (await claimsPainted(ledger)).includes(TRACKED_SENTENCE) || undefined);

    const gazette = await driver.newPage();
    await gazette.goto(`${server.origin}/track-gazette.html`);
    const point = await waitFor('the other outlet’s words painted', () => claimPoint(gazette, 'harbour bridge was shut'));
    expect(await claimsPainted(gazette)).toEqual([GAZETTE_WORDS]);
    await gazette.click(point.x, point.y);
    const card = await panelShowing(gazette, 'Where you have seen it (1)');
    expect(card).toContain(TRACKED_SENTENCE); // the claim, as the reader saved it
    expect(card).toContain('Coastal Gazette');
    expect(card).toContain('17 Nov 2026');
    expect(card).toContain(GAZETTE_WORDS);
    expect(card).toMatch(/Agrees \(Crosscheck’s reading/);

    // The reader confirms it from the keyboard; the card says so.
    await gazette.clickButton('Agrees', '/panel.html');
    await panelShowing(gazette, 'Agrees (marked by you)');

    // A third outlet has another day: painted as a conflict, and its sighting is proposed as one, saying what differs.
    const tribune = await driver.newPage();
    await tribune.goto(`${server.origin}/track-tribune.html`);
    const conflict = await waitFor('the third outlet’s words painted as a conflict', async () =>
      (await tribune.evaluate(highlightTexts, 'crosscheck-conflict')).includes(TRIBUNE_WORDS) ? claimPoint(tribune, 'on Tuesday') : undefined,
    );
    await tribune.click(conflict!.x, conflict!.y);
    const card2 = await panelShowing(tribune, 'Where you have seen it (2)');
    expect(card2).toContain('Harbour Tribune');
    expect(card2).toContain('date not given');
    expect(card2).toMatch(/Conflicts \(Crosscheck’s reading/);
    expect(card2).toContain('Date: the claim has “Monday”, this page “Tuesday”');

    expect([...ledger.errors, ...gazette.errors, ...tribune.errors]).toEqual([]);
    await tribune.close();
    await gazette.close();
    await ledger.close();
  });
});
