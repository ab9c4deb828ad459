import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Note } from '@/lib/notes/schema';
import { encodeEntry } from '@/lib/sync/codec';
import { headKey } from '@/lib/sync/keys';
import { noteToEntry } from '@/lib/sync/merge';
import { launchChromium } from '../support/chromium';
import { chromiumDriver, firefoxDriver, type Driver, type DriverPage } from '../support/driver';
import { launchFirefox } from '../support/firefox';
import { highlightTexts } from '../support/highlights';
import { serveFolder, type StaticServer } from '../support/static-server';
import { setSync, syncItems } from '../support/sync-area';
import { waitFor } from '../support/wait';

// Sync in a real browser, one journey in each: a note written while storage.sync is full stays on
// this device and the options page and popup say so (in Chromium, through a browser restart on the
// same profile); once there is room it is mirrored into storage.sync; a note arriving in
// storage.sync from "another device" is merged and painted in an open tab without reload, and
// edits and deletes repaint that tab at once.

const QUOTE = 'heaviest showers on Wednesday afternoon';
const REMOTE_QUOTE = 'cable car to the Ávila mountain';
const LOCAL_TEXT = 'Written while browser sync was full';
const REMOTE_TEXT = 'Written on my other computer';
const FULL = 'Browser sync storage is full';

let server: StaticServer;
let profile: string;
beforeAll(async () => {
  server = await serveFolder();
  profile = await mkdtemp(join(tmpdir(), 'crosscheck-sync-'));
});
afterAll(async () => {
  await server?.close();
  if (profile) await rm(profile, { recursive: true, force: true });
});

const article = () => `${server.origin}/notes-article.html`;

/** A note as another computer of the same profile would have written it. */
function remoteNote(color: Note['body']['color']): Note {
  const now = Date.now();
  return {
    id: crypto.randomUUID(),
    target: { source: article(), url: article(), title: 'Caracas weather', quote: { type: 'TextQuoteSelector', exact: REMOTE_QUOTE, prefix: '', suffix: '' } },
    body: { text: REMOTE_TEXT, tags: ['laptop'], color },
    created: now,
    modified: now,
    deviceId: 'other-computer',
    deleted: false,
    conflicts: [],
  };
}

const painted = (page: DriverPage, color: string, quote: string) =>
  waitFor(`“${quote}” painted ${color}`, async () => {
    const texts = await page.evaluate(highlightTexts, `crosscheck-note-${color}`);
    return texts.includes(quote) ? true : undefined;
  });

/** From an extension page: one of the background's note routes, as the extension's pages call it. */
async function callRoute<T>(page: DriverPage, route: string, data: unknown): Promise<T> {
  const reply = (await page.evaluate(
    ([r, d]) => ((globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome).runtime.sendMessage({ route: r, data: d }),
    [route, data] as const,
  )) as { ok: true; data: T } | { ok: false; error: string };
  if (!reply.ok) throw new Error(`${route} refused: ${reply.error}`);
  return reply.data;
}

/** In an extension page: removes the keys starting with `prefix` from storage.sync. */
const removeSync = (page: DriverPage, prefix: string) =>
  page.evaluate(async (p) => {
    const sync = ((globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome).storage.sync;
    await sync.remove(Object.keys(await sync.get(null)).filter((k) => k.startsWith(p)));
  }, prefix);

/**
 * Each browser's way to fill storage.sync, in an extension page; returns what the browser said to
 * one more small write. Chromium counts bytes as its documented quota says, so it is filled to 8
 * bytes under it; Firefox counts its own way, so it is filled until it refuses even a small write.
 */
const FILL: Record<Driver['name'], () => Promise<{ left: number | null; refused: string | null }>> = {
  async chromium() {
    const sync = chrome.storage.sync;
    const keys = Array.from({ length: 13 }, (_, i) => `fill${i}`);
    await sync.set(Object.fromEntries(keys.slice(0, 12).map((k) => [k, 'x'.repeat(8_000)])));
    const left = sync.QUOTA_BYTES - (await sync.getBytesInUse(null));
    const last = keys[12]!;
    await sync.set({ [last]: 'x'.repeat(left - last.length - 2 - 8) });
    const refused = await sync.set({ probe: 'x'.repeat(100) }).then(() => null, (e: unknown) => String(e));
    return { left: sync.QUOTA_BYTES - (await sync.getBytesInUse(null)), refused };
  },
  async firefox() {
    const sync = (globalThis as unknown as { browser: typeof chrome }).browser.storage.sync;
    for (let size = 8_000, i = 0; size >= 16 && i < 200; i++) {
      const ok = await sync.set({ [`fill${i}`]: 'x'.repeat(size) }).then(() => true, () => false);
      if (!ok) size = Math.floor(size / 2);
    }
    return { left: null, refused: await sync.set({ probe: 'x'.repeat(100) }).then(() => null, (e: unknown) => String(e)) };
  },
};

/**
 * What the reader is told once the note is kept here: in Chromium the engine's own reckoning, for
 * exactly this note; Firefox may refuse the write itself first, and the filler may take the room of
 * others, so either message, for any count.
 */
const WARNING: Record<Driver['name'], RegExp> = {
  chromium: /Browser sync storage is full: 1 note is kept on this device only\./,
  firefox: /Browser sync storage is full(: \d+ notes? (is|are) kept on this device only\.|, so .* could not be synced\.)/,
};

/** Waits until an extension page shows the warning of this browser. */
const warns = (page: DriverPage, driver: Driver) =>
  waitFor('the full-storage warning', async () => WARNING[driver.name].test(await page.evaluate(() => document.body.innerText)));

/** Chromium on a profile it keeps, so that it can be restarted; Firefox's temporary add-on does not survive a restart. */
const browsers: [string, () => Promise<Driver>][] = [
  ['Chromium', async () => chromiumDriver(await launchChromium({ profile }))],
  ['Firefox', async () => firefoxDriver(await launchFirefox())],
];

describe.each(browsers)('%s: notes sync through storage.sync', (name, launch) => {
  let driver: Driver;
  let noteId = '';
  beforeAll(async () => {
    driver = await launch();
  });
  afterAll(() => driver?.close());

  it('keeps a note written while sync storage is full on this device, and says so', async () => {
    const options = await driver.open('options.html');
    const fill = await options.evaluate(FILL[driver.name]);
    if (driver.name === 'chromium') expect(fill.left).toBe(8);
    expect(fill.refused).toMatch(/quota/i);

    const note = await callRoute<Note>(options, 'createNote', {
      target: { source: article(), url: article(), title: 'Caracas weather', quote: { type: 'TextQuoteSelector', exact: QUOTE, prefix: '', suffix: '' } },
      body: { text: LOCAL_TEXT, tags: [], color: 'yellow' },
    });
    noteId = note.id;
    await warns(options, driver);
    expect(Object.keys(await syncItems(options))).not.toContain(headKey(noteId));
    const popup = await driver.open('popup.html');
    await warns(popup, driver);
    expect((await callRoute<Note>(options, 'getNote', { id: noteId })).body.text).toBe(LOCAL_TEXT);
  });

  it.runIf(name === 'Chromium')('Chromium: keeps it, and the warning, through a browser restart on the same profile', async () => {
    await driver.close();
    driver = await launch();
    const after = await driver.open('options.html');
    await after.waitForText(LOCAL_TEXT);
    await warns(after, driver);
    expect((await callRoute<Note>(after, 'getNote', { id: noteId })).body.text).toBe(LOCAL_TEXT);
  });

  it('mirrors the note once there is room, and paints a note from another device live', async () => {
    const page = await driver.newPage();
    await page.goto(article());
    await painted(page, 'yellow', QUOTE);

    // Room again: the note that was kept here goes into storage.sync.
    const options = await driver.open('options.html');
    await removeSync(options, 'fill');
    await waitFor('the note in storage.sync', async () => ((await syncItems(options))[headKey(noteId)] ? true : undefined));
    await options.waitForText('Last synced');
    expect(await options.evaluate(() => document.body.innerText)).not.toContain(FULL);

    // Another device's note, in the engine's own encoding, arrives in storage.sync.
    const remote = remoteNote('green');
    await setSync(options, encodeEntry(noteToEntry(remote, undefined)));
    await painted(page, 'green', REMOTE_QUOTE); // the open tab repaints, without reload
    await options.waitForText(REMOTE_TEXT); // and the options page's live list has it
    expect((await callRoute<Note>(options, 'getNote', { id: remote.id })).deviceId).toBe('other-computer');

    // Edits and deletes made elsewhere in the profile repaint the open tab too.
    await callRoute(options, 'updateNote', { id: remote.id, body: { text: REMOTE_TEXT, tags: [], color: 'blue' } });
    await painted(page, 'blue', REMOTE_QUOTE);
    expect(await page.evaluate(highlightTexts, 'crosscheck-note-green')).toEqual([]);
    await callRoute(options, 'deleteNote', { id: remote.id });
    await waitFor('the deleted note unpainted', async () =>
      (await page.evaluate(highlightTexts, 'crosscheck-note-blue')).length === 0 ? true : undefined,
    );
    expect(await page.evaluate(highlightTexts, 'crosscheck-note-yellow')).toEqual([QUOTE]);
  });
});
