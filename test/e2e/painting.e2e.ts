import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, type Driver, type DriverPage } from '../support/driver';
import { highlightTexts } from '../support/highlights';
import { serveFolder, type StaticServer } from '../support/static-server';
import { waitFor } from '../support/wait';

/** Harbor Post's conflicting figure (February where the sources say January), and a sentence that agrees. */
const CONFLICT = 'in February';
const AGREES = 'Two Russian air force planes';

/** What the page shows painted: the agreeing passages and the conflicting ones, as the page itself sees them. */
async function painted(page: DriverPage): Promise<{ agree: string[]; conflict: string[] }> {
  return {
    agree: await page.evaluate(highlightTexts, 'crosscheck-claim'),
    conflict: await page.evaluate(highlightTexts, 'crosscheck-conflict'),
  };
}

/** Waits until what the page paints passes `ok` (a change must reach an open tab by itself). */
function paintedSoon(page: DriverPage, what: string, ok: (p: { agree: string[]; conflict: string[] }) => boolean) {
  return waitFor(what, async () => {
    const now = await painted(page);
    return ok(now) ? now : undefined;
  });
}
const paintsAll = (p: { agree: string[]; conflict: string[] }) =>
  p.agree.some((t) => t.includes(AGREES)) && p.conflict.some((t) => t.includes(CONFLICT));
const paintsConflictsOnly = (p: { agree: string[]; conflict: string[] }) =>
  p.agree.length === 0 && p.conflict.some((t) => t.includes(CONFLICT));
const paintsNothing = (p: { agree: string[]; conflict: string[] }) => p.agree.length === 0 && p.conflict.length === 0;

/** In an extension page: the distinct claims of the popup's tab, as the background holds them, and the tab's badge. */
function popupCounts(popup: DriverPage): Promise<{ claims: number; badge: string }> {
  return popup.evaluate(async () => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    const tabId = Number(new URLSearchParams(location.search).get('tab'));
    const reply = (await api.runtime.sendMessage({ route: 'getTabState', data: { tabId } })) as {
      data: { page: { claims: { claimId: string }[] } } | null;
    };
    // MV3 has `action`, Firefox's MV2 build `browserAction`; both answer with a promise here.
    type Badge = { getBadgeText(details: { tabId: number }): Promise<string> };
    const { action, browserAction } = api as unknown as { action?: Badge; browserAction?: Badge };
    return { claims: new Set(reply.data?.page.claims.map((c) => c.claimId)).size, badge: await (action ?? browserAction!).getBadgeText({ tabId }) };
  });
}

/** Focuses the element matching `selector`, then presses `keys` one after another, as a keyboard user would. */
async function keys(page: DriverPage, selector: string, ...pressed: string[]): Promise<void> {
  await page.evaluate((s) => (document.querySelector(s) as HTMLElement).focus(), selector);
  for (const key of pressed) await page.press(key);
}

/** The checked radio button's label, in the options page. */
const checkedMode = (options: DriverPage) =>
  options.evaluate(() => document.querySelector<HTMLInputElement>('.cc-paint-modes input:checked')?.parentElement?.textContent?.trim() ?? null);

/** Viewport coordinates of the middle of the first words of `text` on the page (painted or not). */
function pointOnText(page: DriverPage, text: string): Promise<{ x: number; y: number } | undefined> {
  return page.evaluate((t) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(t);
      if (at < 0) continue;
      node.parentElement!.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + t.length);
      const box = range.getClientRects()[0]!;
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    }
    return undefined;
  }, text);
}

let server: StaticServer;
beforeAll(async () => {
  server = await serveFolder();
});
afterAll(() => server?.close());

describe.each(BROWSERS)('%s: the reader decides how much is painted', (_name, launch) => {
  let driver: Driver;
  beforeAll(async () => {
    driver = await launch();
  });
  afterAll(() => driver?.close());

  it('every claim, conflicts only, nothing: set in the options page, applied at once in an open tab; the badge and the popup still count', async () => {
    const url = `${server.origin}/article-c.html`;
    const page = await driver.newPage();
    await page.goto(url);
    await paintedSoon(page, 'every claim painted (the default)', paintsAll);

    const options = await driver.open('options.html');
    await options.waitForText('Highlight on pages');
    expect(await checkedMode(options)).toBe('Every claim');
    await keys(options, '.cc-paint-modes input:checked', 'ArrowDown');
    expect(await checkedMode(options)).toBe('Conflicts only');
    const conflictsOnly = await paintedSoon(page, 'the open tab to paint the conflicts only', paintsConflictsOnly);
    expect(conflictsOnly.conflict).toEqual([expect.stringContaining(CONFLICT)]);

    // A page opened now is told its mode in its first answer: it never paints the rest.
    const other = await driver.newPage();
    await other.goto(`http://localhost:${new URL(server.origin).port}/article-c.html`);
    await paintedSoon(other, 'a new page to paint the conflicts only', paintsConflictsOnly);

    await keys(options, '.cc-paint-modes input:checked', 'ArrowDown');
    expect(await checkedMode(options)).toBe('Nothing on the page');
    await paintedSoon(page, 'the open tab to paint nothing', paintsNothing);
    await paintedSoon(other, 'the other open tab to paint nothing', paintsNothing);

    // Nothing painted, yet the toolbar button counts the claims and the popup lists them.
    const popup = await driver.popupFor(url);
    const counts = await popupCounts(popup);
    expect(counts.claims).toBeGreaterThanOrEqual(4);
    expect(counts.badge).toBe(String(counts.claims));
    expect(await popup.evaluate(() => document.querySelectorAll('.cc-claim-row').length)).toBeGreaterThanOrEqual(counts.claims);
    expect(await popup.evaluate(() => document.body.innerText)).toMatch(/Conflicts/i);
    await popup.close();

    // A click on a claim's words opens nothing where it is not painted.
    const point = await waitFor('the agreeing sentence', () => pointOnText(page, AGREES));
    await page.click(point.x, point.y);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await page.frameText('panel.html')).toBeNull();

    expect(page.errors).toEqual([]);
    expect(options.errors).toEqual([]);
    await Promise.all([options.close(), other.close(), page.close()]);
  });

  it("a site's own mode, set in the popup, overrides the default there only, at once and on reload", async () => {
    // The default is "nothing" from the journey above; this site is given every claim.
    const url = `${server.origin}/article-c.html`;
    const page = await driver.newPage();
    await page.goto(url);
    const elsewhere = await driver.newPage();
    await elsewhere.goto(`http://localhost:${new URL(server.origin).port}/article-c.html`);
    const popup = await driver.popupFor(url);
    await popup.waitForText('Highlight on 127.0.0.1');
    await paintedSoon(page, 'nothing painted (the default)', paintsNothing);
    expect(await popup.evaluate(() => document.querySelector<HTMLSelectElement>('.cc-site-paint select')!.value)).toBe('');
    await keys(popup, '.cc-site-paint select', 'ArrowDown'); // "Every claim"
    await paintedSoon(page, 'the open tab to paint every claim', paintsAll);
    await keys(popup, '.cc-site-paint select', 'ArrowDown'); // "Conflicts only"
    await paintedSoon(page, 'the open tab to paint the conflicts only', paintsConflictsOnly);
    await popup.close();

    await page.reload();
    await paintedSoon(page, 'the reloaded page to keep its site’s mode', paintsConflictsOnly);
    // The other site still follows the default: nothing painted there.
    await new Promise((r) => setTimeout(r, 500));
    expect(paintsNothing(await painted(elsewhere))).toBe(true);

    const options = await driver.open('options.html');
    await options.waitForText('127.0.0.1: conflicts only');
    await options.clickButton('Use the default');
    await paintedSoon(page, 'the site back on the default, nothing', paintsNothing);
    await Promise.all([options.close(), elsewhere.close(), page.close()]);
  });
});
