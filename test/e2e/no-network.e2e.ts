import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DriverPage } from '../support/driver';
import { WATCHED_BROWSERS, type WatchedBrowser } from '../support/network-watch';
import { serveFolder, type StaticServer } from '../support/static-server';
import { waitFor } from '../support/wait';

// Crosscheck makes no network request: the demo's journeys (each demo page, its popup, a claim's
// card; the options page and a change of setting) are run with every request of the browser
// recorded, and only the local page server and the extension's own origin may have been asked.

const DEMO_PAGES = ['article-a.html', 'article-b.html', 'article-c.html', 'no-claims.html'];

/** A request a page itself makes elsewhere: proof that the recording sees what leaves the machine. */
const CONTROL = 'http://crosscheck-control.test/page-made-this';

/** In the page: the middle of the first painted claim, conflicting first, scrolled into view. */
function firstHighlight(): { x: number; y: number } | null {
  const ranges = ['crosscheck-conflict', 'crosscheck-claim'].flatMap((n) => [...(CSS.highlights.get(n) ?? [])]);
  const range = ranges[0] as Range | undefined;
  range?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
  const box = range?.getClientRects()[0];
  return box ? { x: box.left + Math.min(12, box.width / 2), y: box.top + box.height / 2 } : null;
}

/** A demo page as a reader goes through it: the page, its popup, and the card of a claim. */
async function readDemoPage(watched: WatchedBrowser, url: string): Promise<void> {
  const page = await watched.driver.newPage();
  await page.goto(url);
  const popup = await watched.driver.popupFor(url);
  await popup.close();
  if (!url.endsWith('no-claims.html')) await openCard(page);
  await page.close();
}

async function openCard(page: DriverPage): Promise<void> {
  const point = await waitFor('a painted claim', () => page.evaluate(firstHighlight));
  await page.click(point.x, point.y);
  await waitFor('its card', async () => ((await page.frameText('panel.html'))?.trim() ? true : undefined));
  await page.press('Escape');
}

let server: StaticServer;
beforeAll(async () => {
  server = await serveFolder();
});
afterAll(() => server?.close());

describe.each(WATCHED_BROWSERS)('%s: no network request', (_name, launch) => {
  let watched: WatchedBrowser;
  beforeAll(async () => {
    watched = await launch(server.origin);
  });
  afterAll(() => watched?.close());

  it('the demo journeys ask the local page server and the extension itself, nothing else', async () => {
    for (const name of DEMO_PAGES) await readDemoPage(watched, `${server.origin}/${name}`);
    const options = await watched.driver.open('options.html');
    await options.waitForText('Highlight on pages');
    // A change of setting, stored and pushed to the open tabs, then back to every claim.
    for (const mode of ['conflicts', 'all']) await options.evaluate((m) => document.querySelector<HTMLInputElement>(`.cc-paint-modes input[value=${m}]`)!.click(), mode);
    const page = await watched.driver.newPage();
    await page.goto(`${server.origin}/article-c.html`);
    await openCard(page);

    // The control: the page itself (not Crosscheck) asks a host elsewhere, and the recording sees it.
    await page.evaluate((url) => void fetch(url, { mode: 'no-cors' }).catch(() => undefined), CONTROL);
    const seen = await waitFor('the control request to be recorded', async () =>
      watched.requests.some((url) => url.startsWith(CONTROL) || url.startsWith('connect://crosscheck-control.test')) ? [...watched.requests] : undefined,
    );
    await Promise.all([page.close(), options.close()]);

    // The extension's own files: its origin, and in Chromium the per-session URL of its web-accessible
    // files (use_dynamic_url); no other extension is installed. data:, blob: and about: ask no one.
    const local = (url: string) => url.startsWith(`${server.origin}/`) || /^(chrome-extension|moz-extension|data|blob|about):/.test(url);
    const control = (url: string) => url.startsWith(CONTROL) || url === 'connect://crosscheck-control.test:80';
    expect(seen.filter((url) => url.startsWith(`${server.origin}/article-c.html`)).length).toBeGreaterThan(0);
    expect(seen.filter((url) => !local(url) && !control(url))).toEqual([]);
  });
});
