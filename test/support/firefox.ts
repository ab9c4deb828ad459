import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_BUILD, FIREFOX_PATH, requireFirefox } from './browsers';

/** The add-on id from wxt.config.ts (`browser_specific_settings.gecko.id`). */
export const ADDON_ID = 'crosscheck@example.org';

export type FirefoxSession = {
  browser: Browser;
  /** The moz-extension:// origin of the installed extension, fixed for this profile. */
  origin: string;
  /** The folder Firefox saves downloads into, without asking (removed on close). */
  downloads: string;
  openExtensionPage(path: string): Promise<Page>;
  /** Navigates a page to an extension page and waits until it has loaded. */
  gotoExtensionPage(page: Page, path: string): Promise<void>;
  close(): Promise<void>;
};

/**
 * Starts Debian's Firefox ESR over WebDriver BiDi and installs the unpacked Firefox build as a
 * temporary add-on. The extension's internal UUID is fixed through a preference, so that tests
 * can open its pages.
 */
export async function launchFirefox(options: { headed?: boolean; prefs?: Record<string, string | number | boolean> } = {}): Promise<FirefoxSession> {
  requireFirefox();
  const uuid = randomUUID();
  const downloads = await mkdtemp(join(tmpdir(), 'crosscheck-firefox-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: !options.headed,
    protocol: 'webDriverBiDi',
    defaultViewport: { width: 1280, height: 900 },
    // Lets WebDriver BiDi open moz-extension:// pages (the popup), which it refuses by default.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: uuid }),
      // No network at start: no updates, telemetry or remote settings.
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
      'extensions.update.enabled': false,
      // Nor the captive-portal and connectivity checks (detectportal.firefox.com), which some
      // Firefox ESR 140 releases make from a new tab.
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      // Subdomains of one site for the hostile-page test, served by the test server on 127.0.0.1.
      'network.dns.localDomains': 'victim.blogs.localhost,evil.blogs.localhost',
      // Downloads go straight into a folder of the test's.
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      ...options.prefs,
    },
  });
  await browser.installExtension(FIREFOX_BUILD);
  const origin = `moz-extension://${uuid}`;

  // Puppeteer loses track of a navigation that moves a tab into the extension's process, so
  // `goto` never resolves; the document itself says when it has loaded.
  async function gotoExtensionPage(page: Page, path: string): Promise<void> {
    const url = `${origin}/${path}`;
    page.goto(url).catch(() => undefined);
    const deadline = Date.now() + 15_000;
    for (;;) {
      const state = await page
        .evaluate(() => [location.href, document.readyState] as const)
        .catch(() => ['', ''] as const);
      if (state[0] === url && state[1] === 'complete') return;
      if (Date.now() > deadline) throw new Error(`Firefox did not load ${url} (at ${state[0]})`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    browser,
    origin,
    downloads,
    gotoExtensionPage,
    async openExtensionPage(path) {
      const page = await browser.newPage();
      await gotoExtensionPage(page, path);
      return page;
    },
    async close() {
      await browser.close();
      await rm(downloads, { recursive: true, force: true });
    },
  };
}

/**
 * Sizes a page's viewport with the one WebDriver BiDi command that does it. Puppeteer's
 * `setViewport` sends a screen-orientation override alongside, which some Firefox ESR 140 releases
 * do not know ("unknown command"), and then leaves the size unset.
 */
export async function setViewport(page: Page, size: { width: number; height: number }): Promise<void> {
  const frame = page.mainFrame() as unknown as { browsingContext?: { setViewport(options: { viewport: typeof size }): Promise<void> } };
  if (!frame.browsingContext) throw new Error('This Puppeteer page has no WebDriver BiDi browsing context');
  await frame.browsingContext.setViewport({ viewport: size });
  const inner = await page.evaluate(() => [innerWidth, innerHeight]);
  if (inner[0] !== size.width) throw new Error(`The viewport is ${inner.join('×')}, not ${size.width}×${size.height}`);
}
