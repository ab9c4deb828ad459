import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import type { ChromiumSession } from './chromium';
import type { FirefoxSession } from './firefox';
import { findTabInExtensionPage, showPopupFor } from './popup';

/**
 * The few things the end-to-end specs do with a page, the same in Chromium (playwright-core) and
 * Firefox (puppeteer-core over BiDi), so that each journey is written once and run in both.
 */
export type DriverPage = {
  goto(url: string): Promise<void>;
  /** Runs a function in the page's main world (the page's own JavaScript realm). */
  evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  click(x: number, y: number): Promise<void>;
  press(key: string): Promise<void>;
  /** The text of the first frame whose URL contains `part`, or null when there is none. */
  frameText(part: string): Promise<string | null>;
  screenshot(path: string): Promise<void>;
  /** Errors logged to this page's console, or thrown in it, since it opened. */
  errors: string[];
  close(): Promise<void>;
};

export type Driver = {
  name: 'chromium' | 'firefox';
  /** The extension's origin (`chrome-extension://…` or `moz-extension://…`). */
  extensionOrigin: string;
  newPage(): Promise<DriverPage>;
  /** Opens the popup, as an ordinary tab, for the tab showing `pageUrl` (after it reported). */
  popupFor(pageUrl: string): Promise<DriverPage>;
  close(): Promise<void>;
};

function wrapPlaywright(page: PlaywrightPage): DriverPage {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  return {
    errors,
    goto: async (url) => void (await page.goto(url)),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    click: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key),
    async frameText(part) {
      const frame = page.frames().find((f) => f.url().includes(part));
      return frame ? frame.evaluate(() => document.body.innerText) : null;
    },
    screenshot: async (path) => void (await page.screenshot({ path })),
    close: () => page.close(),
  };
}

function wrapPuppeteer(page: PuppeteerPage): DriverPage {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  return {
    errors,
    goto: async (url) => void (await page.goto(url)),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    click: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key as never),
    async frameText(part) {
      // Firefox runs the extension's frame in its own process, and puppeteer keeps reporting its
      // URL as about:blank: ask each frame where it really is.
      for (const frame of page.frames()) {
        if (frame === page.mainFrame()) continue;
        const found = await frame
          .evaluate((p) => (location.href.includes(p) ? document.body.innerText : null), part)
          .catch(() => null);
        if (found !== null) return found;
      }
      return null;
    },
    screenshot: async (path) => void (await page.screenshot({ path: path as `${string}.png` })),
    close: () => page.close(),
  };
}

export function chromiumDriver(session: ChromiumSession): Driver {
  return {
    name: 'chromium',
    extensionOrigin: `chrome-extension://${session.extensionId}`,
    newPage: async () => wrapPlaywright(await session.context.newPage()),
    async popupFor(pageUrl) {
      const popup = await session.openExtensionPage('popup.html');
      await popup.setViewportSize({ width: 420, height: 640 });
      await showPopupFor(pageUrl, () => popup.evaluate(findTabInExtensionPage, pageUrl), (path) =>
        popup.goto(`chrome-extension://${session.extensionId}/${path}`),
      );
      await popup.waitForSelector('[data-testid="page-summary"]');
      return wrapPlaywright(popup);
    },
    close: () => session.close(),
  };
}

export function firefoxDriver(session: FirefoxSession): Driver {
  return {
    name: 'firefox',
    extensionOrigin: session.origin,
    newPage: async () => wrapPuppeteer(await session.browser.newPage()),
    async popupFor(pageUrl) {
      const popup = await session.openExtensionPage('popup.html');
      await popup.setViewport({ width: 420, height: 640 });
      await showPopupFor(pageUrl, () => popup.evaluate(findTabInExtensionPage, pageUrl), (path) =>
        session.gotoExtensionPage(popup, path),
      );
      await popup.waitForSelector('[data-testid="page-summary"]');
      return wrapPuppeteer(popup);
    },
    close: () => session.close(),
  };
}
