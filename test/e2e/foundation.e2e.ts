import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumSession } from '../support/chromium';
import { launchFirefox, type FirefoxSession } from '../support/firefox';
import { findTabInExtensionPage, showPopupFor } from '../support/popup';
import { serveFolder, type StaticServer } from '../support/static-server';

let server: StaticServer;
beforeAll(async () => {
  server = await serveFolder();
});
afterAll(() => server?.close());

describe('Chromium: the extension loads, its content script reports the page, the popup shows it', () => {
  let chromium: ChromiumSession;
  beforeAll(async () => {
    chromium = await launchChromium();
  });
  afterAll(() => chromium?.close());

  it('shows the article in the popup', async () => {
    const article = await chromium.context.newPage();
    const url = `${server.origin}/article-a.html`;
    await article.goto(url);
    const popup = await chromium.openExtensionPage('popup.html');
    await showPopupFor(
      url,
      () => popup.evaluate(findTabInExtensionPage, url),
      (path) => popup.goto(`chrome-extension://${chromium.extensionId}/${path}`),
    );
    const summary = popup.getByTestId('page-summary');
    await expect(summary.getByRole('heading').textContent()).resolves.toContain('Russian troops land in Caracas');
    await expect(summary.textContent()).resolves.toMatch(/[\d,]+ words read/);
    expect(chromium.extensionId).toMatch(/^[a-p]{32}$/);
  });

  it('says so when the tab is not a web page', async () => {
    const popup = await chromium.openExtensionPage('popup.html?tab=999999');
    await popup.getByTestId('no-page').waitFor();
  });
});

describe('Firefox: the extension installs, its content script reports the page, the popup shows it', () => {
  let firefox: FirefoxSession;
  beforeAll(async () => {
    firefox = await launchFirefox();
  });
  afterAll(() => firefox?.close());

  it('shows the article in the popup', async () => {
    const article = await firefox.browser.newPage();
    const url = `${server.origin}/article-b.html`;
    await article.goto(url);
    const popup = await firefox.openExtensionPage('popup.html');
    await showPopupFor(
      url,
      () => popup.evaluate(findTabInExtensionPage, url),
      (path) => firefox.gotoExtensionPage(popup, path),
    );
    const heading = await popup.waitForSelector('[data-testid="page-summary"] h2');
    expect(await heading!.evaluate((el) => el.textContent)).toContain('Russia Sends “Peacekeeping” Troops');
  });
});
