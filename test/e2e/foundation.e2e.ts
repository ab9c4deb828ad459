import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, type Driver } from '../support/driver';
import { serveFolder, type StaticServer } from '../support/static-server';

let server: StaticServer;
beforeAll(async () => {
  server = await serveFolder();
});
afterAll(() => server?.close());

/** What each browser's extension origin looks like: Chromium's id is 32 letters a–p, Firefox's a UUID. */
const ORIGIN = {
  chromium: /^chrome-extension:\/\/[a-p]{32}$/,
  firefox: /^moz-extension:\/\/[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/,
};

describe.each(BROWSERS)('%s: the extension loads, its content script reports the page, the popup shows it', (_name, launch) => {
  let driver: Driver;
  beforeAll(async () => {
    driver = await launch();
  });
  afterAll(() => driver?.close());

  it.each([
    ['article-a.html', 'Russian troops land in Caracas'],
    ['article-b.html', 'Russia Sends “Peacekeeping” Troops'],
  ])('shows %s in the popup', async (file, title) => {
    const article = await driver.newPage();
    const url = `${server.origin}/${file}`;
    await article.goto(url);
    const popup = await driver.popupFor(url);
    expect(await popup.textOf('[data-testid="page-summary"] h2')).toContain(title);
    expect(await popup.textOf('[data-testid="page-summary"]')).toMatch(/[\d,]+ words read/);
    expect(driver.extensionOrigin).toMatch(ORIGIN[driver.name]);
    await popup.close();
    await article.close();
  });

  it('says so when the tab is not a web page', async () => {
    const popup = await driver.open('popup.html?tab=999999');
    await popup.textOf('[data-testid="no-page"]');
    await popup.close();
  });
});
