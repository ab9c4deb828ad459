import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Frame as PlaywrightFrame, Page as PlaywrightPage } from 'playwright-core';
import type { ElementHandle, Frame as PuppeteerFrame, Page as PuppeteerPage } from 'puppeteer-core';
import { launchChromium, type ChromiumSession } from './chromium';
import { ADDON_ID, launchFirefox, setViewport, type FirefoxSession } from './firefox';
import { findTabInExtensionPage, showPopupFor } from './popup';
import { waitFor } from './wait';

/**
 * The few things the end-to-end specs do with a page, the same in Chromium (playwright-core) and
 * Firefox (puppeteer-core over BiDi), so that each journey is written once and run in both.
 */
export type DriverPage = {
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** Runs a function in the page's main world (the page's own JavaScript realm). */
  evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  /** Runs a function in the first frame whose URL contains `part`; null when there is none. */
  inFrame<T, A = undefined>(part: string, fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T | null>;
  /** The text of the first frame whose URL contains `part`, or null when there is none. */
  frameText(part: string): Promise<string | null>;
  /** Waits (up to `ms`) until an element matches `selector`, and returns its text. */
  textOf(selector: string, ms?: number): Promise<string>;
  /** Waits (up to `ms`) until the page shows `text` (in its rendered text, as a reader would see it). */
  waitForText(text: string, ms?: number): Promise<void>;
  click(x: number, y: number): Promise<void>;
  /** Clicks the button named `name`, in the page or in the first frame whose URL contains `frame`. */
  clickButton(name: string, frame?: string): Promise<void>;
  /** Presses a key or a chord (`Escape`, `Control+Enter`) in the focused element. */
  press(key: string): Promise<void>;
  /** Types text, key by key, into the focused element. */
  type(text: string): Promise<void>;
  /** Gives a file input (the first element matching `selector`) a file, as a reader choosing it. */
  upload(selector: string, file: string): Promise<void>;
  /** Clicks the button named `name`, and returns the text of the file the browser downloads. */
  download(name: string): Promise<string>;
  screenshot(path: string): Promise<void>;
  /** Errors logged to this page's console, or thrown in it, since it opened. */
  errors: string[];
  close(): Promise<void>;
};

export type Driver = {
  name: 'chromium' | 'firefox';
  /** The extension's id, as its own `runtime.id` says (Chromium's generated id, Firefox's add-on id). */
  extensionId: string;
  /** The extension's origin (`chrome-extension://…` or `moz-extension://…`). */
  extensionOrigin: string;
  newPage(): Promise<DriverPage>;
  /** Opens an extension page (`options.html`, `popup.html?tab=3`) in a new tab, once it has loaded. */
  open(path: string): Promise<DriverPage>;
  /** Opens the popup, as an ordinary tab, for the tab showing `pageUrl` (after it reported). */
  popupFor(pageUrl: string): Promise<DriverPage>;
  close(): Promise<void>;
};

type Native = Omit<DriverPage, 'frameText' | 'textOf' | 'waitForText' | 'errors'>;

/** What both browsers do alike, on top of each one's own operations. */
function complete(native: Native, errors: string[]): DriverPage {
  return {
    ...native,
    errors,
    frameText: (part) => native.inFrame(part, () => document.body.innerText),
    textOf: (selector, ms) =>
      waitFor(`"${selector}"`, () => native.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector), ms),
    waitForText: async (text, ms) =>
      void (await waitFor(`the text "${text}"`, () => native.evaluate((t) => document.body.innerText.includes(t), text), ms)),
  };
}

function wrapPlaywright(page: PlaywrightPage): DriverPage {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  const frame = (part: string): PlaywrightFrame | undefined => page.frames().find((f) => f.url().includes(part));
  return complete(
    {
      goto: async (url) => void (await page.goto(url)),
      reload: async () => void (await page.reload()),
      evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
      inFrame: async (part, fn, arg) => (frame(part)?.evaluate(fn as never, arg) ?? null) as never,
      click: (x, y) => page.mouse.click(x, y),
      async clickButton(name, part) {
        const where = part ? frame(part) : page;
        if (!where) throw new Error(`No frame ${part}`);
        await where.getByRole('button', { name, exact: true }).click();
      },
      press: (key) => page.keyboard.press(key),
      type: (text) => page.keyboard.type(text),
      upload: (selector, file) => page.setInputFiles(selector, file),
      async download(name) {
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name, exact: true }).click()]);
        return readFile((await download.path())!, 'utf8');
      },
      screenshot: async (path) => void (await page.screenshot({ path })),
      close: () => page.close(),
    },
    errors,
  );
}

/** In a page: the button whose text is `name`, for puppeteer's handles. */
const buttonNamed = (name: string) => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === name) ?? null;

function wrapPuppeteer(page: PuppeteerPage, downloads: string): DriverPage {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  // Firefox runs the extension's frame in its own process, and puppeteer keeps reporting its URL
  // as about:blank: ask each frame where it really is.
  async function frame(part: string): Promise<PuppeteerFrame | undefined> {
    for (const f of page.frames()) {
      if (f === page.mainFrame()) continue;
      if (await f.evaluate((p) => location.href.includes(p), part).catch(() => false)) return f;
    }
    return undefined;
  }
  async function press(key: string) {
    const keys = key.split('+') as never[];
    for (const k of keys.slice(0, -1)) await page.keyboard.down(k);
    await page.keyboard.press(keys.at(-1)!);
    for (const k of keys.slice(0, -1).reverse()) await page.keyboard.up(k);
  }
  async function clickButton(name: string, part?: string) {
    const f = part ? await frame(part) : page.mainFrame();
    const button = f && ((await f.evaluateHandle(buttonNamed, name)).asElement() as ElementHandle<HTMLButtonElement> | null);
    if (!button) throw new Error(`No button "${name}"${part ? ` in ${part}` : ''}`);
    // Puppeteer cannot place a click in a frame it cannot find in the page's DOM (the panel's
    // frame is in a closed shadow root): there the button is activated from the keyboard.
    if (part) {
      await button.focus();
      await press('Enter');
    } else {
      await button.click();
    }
  }
  return complete(
    {
      goto: async (url) => void (await page.goto(url)),
      reload: async () => void (await page.reload()),
      evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
      async inFrame(part, fn, arg) {
        const f = await frame(part);
        return f ? (f.evaluate(fn as never, arg) as never) : null;
      },
      click: (x, y) => page.mouse.click(x, y),
      clickButton,
      press,
      type: (text) => page.keyboard.type(text),
      async upload(selector, file) {
        const input = await waitFor(`"${selector}"`, () => page.$(selector));
        await (input as ElementHandle<HTMLInputElement>).uploadFile(file);
      },
      async download(name) {
        // Firefox saves into the session's download folder (its download UI is not scriptable).
        const before = new Set(await readdir(downloads));
        await clickButton(name);
        // Firefox may write under a temporary name first: a file counts once two polls running see it.
        let seen: string | undefined;
        return waitFor('the download', async () => {
          const now = await readdir(downloads);
          const added = now.filter((f) => !before.has(f) && !f.endsWith('.part'));
          const file = added.length === 1 && !now.some((f) => f.endsWith('.part')) ? added[0] : undefined;
          if (file === undefined || file !== seen) return void (seen = file);
          return await readFile(join(downloads, file), 'utf8'); // gone meanwhile: thrown, so polled again
        });
      },
      screenshot: async (path) => void (await page.screenshot({ path: path as `${string}.png` })),
      close: () => page.close(),
    },
    errors,
  );
}

export function chromiumDriver(session: ChromiumSession): Driver {
  return {
    name: 'chromium',
    extensionId: session.extensionId,
    extensionOrigin: `chrome-extension://${session.extensionId}`,
    newPage: async () => wrapPlaywright(await session.context.newPage()),
    open: async (path) => wrapPlaywright(await session.openExtensionPage(path)),
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
    extensionId: ADDON_ID,
    extensionOrigin: session.origin,
    newPage: async () => wrapPuppeteer(await session.browser.newPage(), session.downloads),
    open: async (path) => wrapPuppeteer(await session.openExtensionPage(path), session.downloads),
    async popupFor(pageUrl) {
      const popup = await session.openExtensionPage('popup.html');
      await setViewport(popup, { width: 420, height: 640 });
      await showPopupFor(pageUrl, () => popup.evaluate(findTabInExtensionPage, pageUrl), (path) =>
        session.gotoExtensionPage(popup, path),
      );
      await popup.waitForSelector('[data-testid="page-summary"]');
      return wrapPuppeteer(popup, session.downloads);
    },
    close: () => session.close(),
  };
}

/** Both browsers, by name, each started fresh by its function (for `describe.each`). */
export const BROWSERS: [string, () => Promise<Driver>][] = [
  ['Chromium', async () => chromiumDriver(await launchChromium())],
  ['Firefox', async () => firefoxDriver(await launchFirefox())],
];
