import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Note } from '@/lib/notes/schema';
import { launchChromium, type ChromiumSession } from '../support/chromium';
import { launchFirefox, type FirefoxSession } from '../support/firefox';
import { waitFor } from '../support/wait';
import { DAV_PASSWORD, DAV_USER, startDavServer, type DavServer } from '../support/webdav/server';

// WebDAV sync end to end, in Chromium and in Firefox: two browser profiles set it up from the
// options page against Apache on the loopback address (test/support/webdav), with encryption.
// A wrong app password, a full disk and a wrong passphrase get their message and write nothing;
// 300 notes reach the other profile; concurrent edits keep both texts; the server stopped in the
// middle of a sync loses nothing, and the next sync completes it; the server holds no note text.
//
// The host permission: Firefox is told not to prompt for optional permissions
// (extensions.webextOptionalPermissionPrompts), so its real grant is tested, and the test checks
// the extension holds the folder's origin afterwards, and no host permission before. Chromium
// shows a prompt that automation cannot answer, so there the test answers `permissions.request`
// as a reader clicking Allow would; Chromium already lets an MV3 extension reach the hosts its
// content script is declared for, which is why its requests go through.

const PASSPHRASE = 'correct horse battery staple';
const QUOTE = 'heaviest showers on Wednesday afternoon';
const ARTICLE = 'https://news.example/caracas-weather';

/** What the test does with a profile, the same in both browsers. */
type Profile = {
  /** Opens an extension page (a fresh tab): the options page, or the popup to call routes from. */
  open(page: 'options.html' | 'popup.html'): Promise<Ui>;
  close(): Promise<void>;
};
type Ui = {
  fill(name: string, value: string): Promise<void>;
  click(selector: string): Promise<void>;
  text(selector: string): Promise<string>;
  call<T>(route: string, data: unknown): Promise<T>;
  /** The profile's live notes, read from its notes database (the extension's IndexedDB). */
  notes(): Promise<Note[]>;
  /** Whether the extension holds the host permission for `origin`. */
  holds(origin: string): Promise<boolean>;
};

// In the page, Firefox's promise-based `browser` (its `chrome` takes callbacks), else Chrome's `chrome`.
function ui(page: PlaywrightPage | PuppeteerPage): Ui {
  const evaluate = <T, A>(fn: (a: A) => T | Promise<T>, arg: A): Promise<T> => (page as PuppeteerPage).evaluate(fn as never, arg) as Promise<T>;
  return {
    fill: (name, value) =>
      evaluate(([n, v]) => {
        const input = document.querySelector<HTMLInputElement>(`[data-testid=webdav-form] input[name=${n}]`)!;
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, v);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }, [name, value] as const),
    click: async (selector) => void (await (page as PuppeteerPage).click(selector)),
    text: (selector) => evaluate((s) => document.querySelector<HTMLElement>(s)?.innerText ?? '', selector),
    holds: (origin) => evaluate((o) => ((globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome).permissions.contains({ origins: [o] }), origin),
    notes: () =>
      evaluate(
        () =>
          new Promise<Note[]>((resolve, reject) => {
            const open = indexedDB.open('crosscheck');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const read = open.result.transaction('notes').objectStore('notes').getAll();
              read.onerror = () => reject(read.error);
              read.onsuccess = () => {
                open.result.close();
                resolve((read.result as (Note & { live: number })[]).filter((n) => n.live === 1));
              };
            };
          }),
        undefined,
      ),
    async call<T>(route: string, data: unknown) {
      const reply = await evaluate(([r, d]) => ((globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome).runtime.sendMessage({ route: r, data: d }), [route, data] as const) as { ok: boolean; data: T; error?: string };
      if (!reply.ok) throw new Error(`${route} refused: ${reply.error}`);
      return reply.data;
    },
  };
}

function chromiumProfile(session: ChromiumSession): Profile {
  return {
    async open(path) {
      const page = await session.context.newPage();
      await page.addInitScript(() => {
        chrome.permissions.request = (async () => true) as never; // the reader clicks Allow
      });
      await page.goto(`chrome-extension://${session.extensionId}/${path}`);
      return ui(page);
    },
    close: () => session.close(),
  };
}

function firefoxProfile(session: FirefoxSession): Profile {
  return {
    open: async (path) => ui(await session.openExtensionPage(path)),
    close: () => session.close(),
  };
}

/** Fills the setup form and clicks "Save and sync"; resolves with the message shown. */
async function setUp(page: Ui, url: string, password: string, passphrase: string): Promise<string> {
  await page.fill('url', url);
  await page.fill('username', DAV_USER);
  await page.fill('password', password);
  await page.fill('passphrase', passphrase);
  await page.click('[data-testid=webdav-form] button[type=submit]');
  return waitFor('the setup result', async () => (await page.text('[data-testid=webdav-result]')) || undefined, 30_000);
}

const allNotes = (page: Ui) => page.notes();
const texts = (notes: Note[]) => new Map(notes.map((n) => [n.id, [n.body.text, ...n.conflicts.map((c) => c.text)].sort().join(' | ')]));

async function createNotes(page: Ui, from: number, count: number, prefix: string): Promise<void> {
  for (let i = from; i < from + count; i++) {
    await page.call('createNote', {
      target: { source: ARTICLE, url: ARTICLE, title: 'Caracas weather', quote: { type: 'TextQuoteSelector', exact: QUOTE, prefix: '', suffix: '' } },
      body: { text: `${prefix} note number ${i}`, tags: ['webdav'], color: 'yellow' },
    });
  }
}

/** Waits until the options page says WebDAV synced with nothing waiting and no problem. */
async function synced(page: Ui, ms = 90_000): Promise<void> {
  let line = '';
  await waitFor('WebDAV synced', async () => {
    line = await page.text('[data-testid=webdav-status]');
    return /last synced/.test(line) && !/waiting|syncing/.test(line) && !(await page.text('[data-testid=webdav-error]')) ? true : undefined;
  }, ms).catch((err: unknown) => {
    throw new Error(`${String(err)}; the status said: ${line}`);
  });
}

const browsers = [
  { name: 'Chromium', realGrant: false, launch: async () => chromiumProfile(await launchChromium()) },
  { name: 'Firefox', realGrant: true, launch: async () => firefoxProfile(await launchFirefox({ prefs: { 'extensions.webextOptionalPermissionPrompts': false } })) },
];

describe.each(browsers)('$name: notes sync through a WebDAV folder', { timeout: 240_000 }, ({ launch, realGrant }) => {
  let server: DavServer;
  let a: Profile;
  let b: Profile;
  let aUi: Ui;
  let bUi: Ui;
  // Routes are called from a popup tab: the options page re-renders its list on every note.
  let aApi: Ui;
  let bApi: Ui;
  beforeAll(async () => {
    server = await startDavServer();
    a = await launch();
    b = await launch();
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await server?.close();
  });
  const files = async () => [...(await server.files('notes'))].map(([name, bytes]) => `${name}:${bytes.toString('base64')}`).sort();

  it('sets up encrypted sync on one profile and writes 300 notes the server cannot read', async () => {
    aApi = await a.open('popup.html');
    const origin = 'http://127.0.0.1/*';
    if (realGrant) expect(await aApi.holds(origin)).toBe(false);
    const started = Date.now();
    await createNotes(aApi, 0, 300, 'first');
    console.log(`300 notes created in ${Date.now() - started} ms`);
    aUi = await a.open('options.html');
    expect(await setUp(aUi, server.folder('notes'), DAV_PASSWORD, PASSPHRASE)).toMatch(/set up/);
    if (realGrant) expect(await aUi.holds(origin)).toBe(true);
    await synced(aUi);
    const stored = await server.files('notes');
    expect(stored.size).toBe(302); // header, index and 300 notes
    const all = [...stored.values()].map((f) => f.toString('latin1')).join('');
    expect(all).not.toMatch(/note number|news\.example|heaviest showers|webdav/);
  });

  it('a wrong app password, a full disk and a wrong passphrase each get their message and write nothing', async () => {
    bUi = await b.open('options.html');
    bApi = await b.open('popup.html');
    const before = await files();
    expect(await setUp(bUi, server.folder('notes'), 'not-the-password', PASSPHRASE)).toMatch(/user name or app password.*401/);
    await server.fill();
    const fullBefore = [...(await server.files('full')).keys()];
    expect(await setUp(bUi, server.folder('full'), DAV_PASSWORD, PASSPHRASE)).toMatch(/no room left.*507/);
    expect([...(await server.files('full')).keys()]).toEqual(fullBefore);
    expect(await setUp(bUi, server.folder('notes'), DAV_PASSWORD, 'another passphrase')).toMatch(/Wrong passphrase.*Nothing was read or written/);
    expect(await files()).toEqual(before);
    expect(await allNotes(bApi)).toEqual([]); // read nothing
    expect(await bUi.text('[data-testid=webdav-status]')).toMatch(/not set up/);
  });

  it('the second profile receives all 300 notes, and both end equal', async () => {
    expect(await setUp(bUi, server.folder('notes'), DAV_PASSWORD, PASSPHRASE)).toMatch(/set up/);
    await waitFor('300 notes on the second profile', async () => ((await allNotes(bApi)).length === 300 ? true : undefined), 90_000);
    await synced(bUi);
    expect(texts(await allNotes(bApi))).toEqual(texts(await allNotes(aApi)));
  });

  it('concurrent edits of the same note on both profiles keep both texts', async () => {
    const [note] = await allNotes(aApi);
    await aApi.call('updateNote', { id: note!.id, body: { text: 'edited on the first profile', tags: [], color: 'green' } });
    await bApi.call('updateNote', { id: note!.id, body: { text: 'edited on the second profile', tags: [], color: 'blue' } });
    const both = 'edited on the first profile | edited on the second profile';
    await waitFor('both texts on both profiles', async () => {
      for (const page of [aUi, bUi]) await page.click('[data-testid=webdav-settings] button');
      const [x, y] = await Promise.all([aApi, bApi].map(async (p) => texts([await p.call<Note>('getNote', { id: note!.id })]).get(note!.id)));
      return x === both && y === both ? true : undefined;
    }, 60_000);
  });

  it('the server stopped halfway through a sync loses nothing, and the next sync completes it', async () => {
    await createNotes(aApi, 300, 200, 'second');
    const count = (await server.files('notes')).size;
    await waitFor('the sync half done', async () => ((await server.files('notes')).size >= count + 40 ? true : undefined), 30_000);
    await server.stop();
    await waitFor('the failure reported', async () => (/could not|refused|reached/.test(await aUi.text('[data-testid=webdav-error]')) ? true : undefined), 60_000);
    expect((await allNotes(aApi)).length).toBe(500);
    await server.start();
    await aUi.click('[data-testid=webdav-settings] button'); // Sync now
    await synced(aUi);
    await bUi.click('[data-testid=webdav-settings] button');
    await waitFor('500 notes on the second profile', async () => ((await allNotes(bApi)).length === 500 ? true : undefined), 90_000);
    expect(texts(await allNotes(bApi))).toEqual(texts(await allNotes(aApi)));
    expect((await server.files('notes')).size).toBe(502);
  });
});
