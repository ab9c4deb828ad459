import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, type Driver, type DriverPage } from '../support/driver';
import { highlightPoint, highlightTexts } from '../support/highlights';
import { waitFor } from '../support/wait';
import { serveFolder, type StaticServer } from '../support/static-server';

/** ClaimReview samples (test/fixtures/claim-reviews): a feed of three, and a file with bad items. */
const SAMPLES = join(import.meta.dirname, '../fixtures/claim-reviews');
const CLAIM = 'The Eastport harbour bridge was sold to a foreign company last week.';

/** Viewport coordinates of the middle of the first range painted as a conflict that contains `text`. */
const conflictPoint = (page: DriverPage, text: string) => page.evaluate(highlightPoint, { text, names: ['crosscheck-conflict'] });

/** The rendered text of the options page's "Your claims" section. */
const claimsSection = (options: DriverPage) => options.evaluate(() => (document.querySelector('[data-testid=reader-claims]') as HTMLElement).innerText);

let server: StaticServer;
beforeAll(async () => {
  server = await serveFolder();
});
afterAll(() => server?.close());

describe.each(BROWSERS)('%s: fact-checks', (_name, launch) => {
  let driver: Driver;
  beforeAll(async () => {
    driver = await launch();
  });
  afterAll(() => driver?.close());

  it('adds a fact-check from the popup on its page, then a news page stating the claim shows its verdict', async () => {
    const checkPage = await driver.newPage();
    const checkUrl = `${server.origin}/bridge-factcheck.html`;
    await checkPage.goto(checkUrl);
    const popup = await driver.popupFor(checkUrl);
    await popup.waitForText(`“${CLAIM}”`);
    const offer = await popup.textOf('[data-testid=factcheck-offer]');
    expect(offer).toContain('Claimed by Viral social media posts, 16 Nov 2026');
    expect(offer).toContain('False “Pants on Fire!” · checked by Harbour Checkers (demo), 18 Nov 2026');
    await popup.clickButton('Add this fact-check');
    await popup.waitForText('Added 1 fact-check. News pages that state the claim now show the verdict.');
    await popup.waitForText('Already added to your claims.');
    expect(popup.errors).toEqual([]);
    await popup.close();

    const news = await driver.newPage();
    await news.goto(`${server.origin}/bridge-news.html`);
    // The background indexes the new fact-check within about a second, then the tab asks again.
    const point = await waitFor('the claim to be painted as a conflict', () => conflictPoint(news, 'was sold to a foreign company'), 20_000);
    expect(await news.evaluate(highlightTexts, 'crosscheck-conflict')).toEqual([
      'Online, some residents repeated a rumour that the Eastport harbour bridge was sold to a foreign company last week.',
    ]);
    await news.click(point.x, point.y);
    const card = await waitFor('the claim card', async () => {
      const text = await news.frameText('panel.html');
      return text?.includes('Pants on Fire') ? text : undefined;
    });
    expect(card).toContain(CLAIM);
    expect(card).toMatch(/False\s+Harbour Checkers \(demo\) rated this claim “Pants on Fire!”\. \(18 Nov 2026\)/);
    expect(card).toContain('This page states a claim a fact-checker rated false');
    const link = await news.inFrame('panel.html', () => {
      const a = [...document.querySelectorAll('a')].find((x) => x.textContent === 'Read the fact-check by Harbour Checkers (demo)');
      return a?.getAttribute('href') ?? null;
    });
    expect(link).toBe(checkUrl); // the ClaimReview gives no url: the page's own stands for it
    await news.close();
    await checkPage.close();
  });

  it('options page: imports feeds (a bad file changes nothing), lists the fact-checks newest first, searches, deletes and undoes; the notes’ export carries them', async () => {
    const options = await driver.open('options.html');
    await options.waitForText('Your claims');
    await options.upload('[data-testid=reader-import-file]', join(SAMPLES, 'malformed.json'));
    await options.waitForText('malformed.json was not imported, and your claims are unchanged.');
    expect(await options.textOf('[data-testid=reader-import-status]')).toMatch(/item 3 \(javascript:alert\(document\.cookie\)\): url: must be an absolute http\(s\) URL/);

    await options.upload('[data-testid=reader-import-file]', join(SAMPLES, 'afp-like-feed.json'));
    await options.waitForText('Imported afp-like-feed.json: 3 fact-checks added, 0 updated, 0 already there.');
    await options.upload('[data-testid=reader-import-file]', join(SAMPLES, 'fullfact-like.json'));
    await options.waitForText('Imported fullfact-like.json: 2 fact-checks added, 0 updated, 0 already there.');
    const listed = await claimsSection(options);
    for (const claim of ['Le pont d\'Eastport s\'est effondré lundi.', 'Photo shows the Eastport bridge crack.', 'El puente de Eastport cerrará durante diez años.']) {
      expect(listed).toContain(`“${claim}”`);
      // Newest first: the file imported last comes first.
      expect(listed.indexOf('“Traffic on the Eastport bridge has doubled since 2020.”')).toBeLessThan(listed.indexOf(`“${claim}”`));
    }

    await options.evaluate(() => (document.querySelector('[data-testid=reader-claims] input[type=search]') as HTMLInputElement).focus());
    await options.type('photo crack');
    await waitFor('the search to narrow the list', async () => {
      const text = await claimsSection(options);
      return text.includes('Photo shows the Eastport bridge crack.') && !text.includes('El puente') ? text : undefined;
    });
    await options.clickButton('Delete');
    await options.waitForText('Deleted “Photo shows the Eastport bridge crack.”.');
    await options.waitForText('No fact-checks match “photo crack”.');
    // The keyboard is on Undo: Enter takes the delete back.
    await options.press('Enter');
    await waitFor('the fact-check to come back', async () => ((await claimsSection(options)).includes('“Photo shows the Eastport bridge crack.”') ? true : undefined));
    // The notes' export carries the claims: here the fact-checks, with their verdicts.
    const exported = JSON.parse(await options.download('Export as JSON-LD (W3C Web Annotation)'));
    const carried = exported.crosscheckClaims.factChecks.map((f: { claimReviewed: string; verdict: string }) => `${f.verdict}: ${f.claimReviewed}`);
    expect(carried).toEqual(expect.arrayContaining(['misleading: Photo shows the Eastport bridge crack.', 'false: Traffic on the Eastport bridge has doubled since 2020.']));
    await options.waitForText(`with your claims and fact-checks (${carried.length} items)`);
    expect(options.errors).toEqual([]);
    await options.close();
  });
});
