import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { CHROME_BUILD, CHROMIUM_PATH, requireChromium } from './browsers';

export type ChromiumSession = {
  context: BrowserContext;
  extensionId: string;
  background: Worker;
  /** Opens an extension page (e.g. `popup.html?tab=3`) in a new tab. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
};

/** Chromium's flags for tests: headless-friendly, no background traffic, and `extension` (a folder, or several joined by commas) loaded if given. */
export function chromiumArgs(extension: string | null): string[] {
  return [
    ...(extension ? [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`] : []),
    '--disable-features=DisableLoadExtensionCommandLineSwitch',
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-gpu',
  ];
}

/**
 * Starts Debian's Chromium with the unpacked extension loaded, in a throw-away profile. Headless
 * unless `headed` is set (the demo, on a machine with a display). With `profile`, uses that
 * user-data directory and leaves it in place on close, so a test can restart the browser on the
 * same profile (the caller removes it).
 */
export async function launchChromium(options: { headed?: boolean; profile?: string } = {}): Promise<ChromiumSession> {
  requireChromium();
  const profile = options.profile ?? (await mkdtemp(join(tmpdir(), 'crosscheck-chromium-')));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: !options.headed,
    viewport: { width: 1280, height: 900 },
    args: chromiumArgs(CHROME_BUILD),
  });
  const background = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(background.url()).host;
  return {
    context,
    extensionId,
    background,
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close() {
      await context.close();
      if (!options.profile) await rm(profile, { recursive: true, force: true });
    },
  };
}
