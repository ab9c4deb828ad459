import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalUrl } from '@/lib/dom/canonical-url';
import { BROWSERS, type Driver, type DriverPage } from '../support/driver';
import { highlightTexts } from '../support/highlights';
import { launchChromium } from '../support/chromium';
import { serveFolder, type StaticServer } from '../support/static-server';
import { waitFor } from '../support/wait';

/**
 * A hostile page against issue 11's points 3, 4 and 5, in both browsers: it cannot see that
 * Crosscheck runs, cannot stop it, cannot make the background refuse or stall its text, and the
 * reader's other tabs keep working meanwhile. Point 3 (another subdomain's canonical link) runs
 * once lib/notes/canonical-url.ts accepts same-origin canonical links only.
 */

const BOMBERS = 'In December, Russia sent two bomber aircraft capable of carrying nuclear weapons to Venezuela.';
const HUGE_BLOCK_CLAIM = 'Nearly 100 Russian troops have reportedly landed';
const LAST_BLOCK_CLAIM = 'two Russian planes arrived in Caracas on Saturday';

const painted = async (page: DriverPage) => [...(await page.evaluate(highlightTexts, 'crosscheck-claim')), ...(await page.evaluate(highlightTexts, 'crosscheck-conflict'))];
const paintedWith = (page: DriverPage, text: string, ms = 60_000) =>
  waitFor(`"${text}" to be painted`, async () => ((await painted(page)).some((t) => t.includes(text)) ? true : undefined), ms);

/** Fixed by the canonical-link helper: a canonical link on another origin is not followed. */
const sameOriginCanonicalOnly = canonicalUrl('https://evil.blogs.example/a', 'https://victim.blogs.example/b') === 'https://evil.blogs.example/a';

let server: StaticServer;
beforeAll(async () => {
  server = await serveFolder();
});
afterAll(() => server?.close());

describe.each(BROWSERS)('%s: a hostile page', (_name, launch) => {
  let driver: Driver;
  beforeAll(async () => {
    driver = await launch();
  });
  afterAll(() => driver?.close());

  it('sees no sign of Crosscheck, cannot stop it, and has its oversized text matched, while another tab keeps working', async () => {
    const hostile = await driver.newPage();
    await hostile.goto(`${server.origin}/hostile-signals.html`);
    // Meanwhile the reader opens an article in another tab: its first paint does not wait for the hostile tab's backlog.
    const reader = await driver.newPage();
    const opened = Date.now();
    await reader.goto(`${server.origin}/article-a.html`);
    await paintedWith(reader, 'Nearly 100 Russian troops', 15_000);
    const readerMs = Date.now() - opened;

    await paintedWith(hostile, BOMBERS);
    // Point 5: WXT's content-script runtime stopped on this event; nothing listens for it now.
    await hostile.evaluate((id) => {
      for (const script of ['content', 'content-start']) {
        document.dispatchEvent(new CustomEvent(`${id}:${script}:wxt:content-script-started`, { detail: { contentScriptName: script, messageId: 'x' } }));
      }
    }, driver.extensionId);
    // Point 4: a 200,000-character block, and 6,000 blocks, are matched, not refused.
    await paintedWith(hostile, HUGE_BLOCK_CLAIM);
    await paintedWith(hostile, LAST_BLOCK_CLAIM);
    // Still running after the event: a paragraph added now is painted too.
    await hostile.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Venezuela and Russia held joint military exercises in January.';
      document.getElementById('story')!.prepend(p);
    });
    await paintedWith(hostile, 'joint military exercises in January', 20_000);

    const seen = await hostile.evaluate(() => {
      const w = window as unknown as { seen: { messages: string[]; events: string[] } };
      return {
        ...w.seen,
        marks: performance.getEntriesByType('mark').map((e) => e.name),
        measures: performance.getEntriesByType('measure').map((e) => e.name),
        resources: performance.getEntriesByType('resource').map((e) => e.name).filter((url) => !url.startsWith('http')),
      };
    });
    expect(seen).toEqual({ messages: [], events: [], marks: [], measures: [], resources: [] });
    expect(readerMs).toBeLessThan(15_000);
    await reader.close();
    await hostile.close();
  });

  it.skipIf(!sameOriginCanonicalOnly)(
    "cannot read another subdomain's notes through a canonical link (point 3)",
    async () => {
      const port = new URL(server.origin).port;
      const victim = `http://victim.blogs.localhost:${port}/article-a.html`;
      const setup = await driver.newPage();
      await setup.goto(victim); // the reader's note, on the victim's page
      const popup = await driver.popupFor(victim);
      await popup.evaluate(async (url) => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        const target = { source: url, url, title: 'Victim', quote: { type: 'TextQuoteSelector', exact: 'Nearly 100 Russian troops', prefix: '', suffix: '' } };
        await api.runtime.sendMessage({ route: 'createNote', data: { target, body: { text: 'private', tags: [], color: 'yellow' } } });
      }, victim);
      await popup.close();
      await waitFor('the note to be painted on its own page', async () => ((await setup.evaluate(highlightTexts, 'crosscheck-note-yellow')).length > 0 ? true : undefined));
      const evil = await driver.newPage();
      await evil.goto(`http://evil.blogs.localhost:${port}/hostile-canonical.html?victim=victim.blogs.localhost`);
      await paintedWith(evil, 'Nearly 100 Russian troops', 15_000); // the content script ran
      await new Promise((r) => setTimeout(r, 1000));
      expect(await evil.evaluate(highlightTexts, 'crosscheck-note-yellow')).toEqual([]);
      await evil.close();
      await setup.close();
    },
  );
});

describe('Chromium: storage is closed to content scripts', () => {
  it("the content script's world cannot read storage.sync, where the notes' copy is", async () => {
    const session = await launchChromium();
    try {
      const page = await session.context.newPage();
      const cdp = await session.context.newCDPSession(page);
      const worlds: { id: number; name: string }[] = [];
      cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context));
      await cdp.send('Runtime.enable');
      await page.goto(`${server.origin}/article-a.html`);
      const world = await waitFor('the content script to run', async () => worlds.find((w) => w.name === 'Crosscheck'));
      const read = async () =>
        (
          await cdp.send('Runtime.evaluate', {
            contextId: world.id,
            awaitPromise: true,
            expression: "(async () => { try { await chrome.storage.sync.get(null); return 'read'; } catch (e) { return 'refused: ' + e.message; } })()",
          })
        ).result.value as string;
      expect(await waitFor('storage to be closed', async () => ((await read()).startsWith('refused') ? read() : undefined))).toMatch(/refused/);
    } finally {
      await session.close();
    }
  });
});
