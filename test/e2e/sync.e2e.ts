import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Note } from '@/lib/notes/schema';
import { encodeEntry } from '@/lib/sync/codec';
import { headKey } from '@/lib/sync/keys';
import { noteToEntry } from '@/lib/sync/merge';
import { launchChromium, type ChromiumSession } from '../support/chromium';
import { highlightTexts } from '../support/highlights';
import { waitFor } from '../support/wait';
import { launchFirefox, type FirefoxSession } from '../support/firefox';
import { serveFolder, type StaticServer } from '../support/static-server';

// Sync in real Chromium, on one profile: a note written while storage.sync is full stays on this
// device through a browser restart and the popup and options page say so; once there is room it
// is mirrored into storage.sync; a note arriving in storage.sync from "another device" is merged
// and painted in an open tab without reload, and edits and deletes repaint that tab at once.

const QUOTE = 'heaviest showers on Wednesday afternoon';
const REMOTE_QUOTE = 'cable car to the Ávila mountain';
const LOCAL_TEXT = 'Written while browser sync was full';
const REMOTE_TEXT = 'Written on my other computer';
const FILL_KEYS = Array.from({ length: 13 }, (_, i) => `fill${i}`);

let server: StaticServer;
let profile: string;
let chromium: ChromiumSession;
beforeAll(async () => {
  server = await serveFolder();
  profile = await mkdtemp(join(tmpdir(), 'crosscheck-sync-'));
  chromium = await launchChromium({ profile });
});
afterAll(async () => {
  await chromium?.close();
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

const painted = (page: Page, color: string, quote: string) =>
  waitFor(`“${quote}” painted ${color}`, async () => {
    const texts = await page.evaluate(highlightTexts, `crosscheck-note-${color}`);
    return texts.includes(quote) ? true : undefined;
  });

/** From an extension page: one of the background's note routes, as the extension's pages call it. */
async function callRoute<T>(page: Page, route: string, data: unknown): Promise<T> {
  const reply = (await page.evaluate(([r, d]) => chrome.runtime.sendMessage({ route: r, data: d }), [route, data] as const)) as
    | { ok: true; data: T }
    | { ok: false; error: string };
  if (!reply.ok) throw new Error(`${route} refused: ${reply.error}`);
  return reply.data;
}

/** The sync area as the extension sees it (read in its service worker). */
const syncItems = () => chromium.background.evaluate(() => chrome.storage.sync.get(null)) as Promise<Record<string, unknown>>;

describe('Chromium: notes sync through storage.sync', () => {
  let noteId = '';

  it('keeps a note written while sync storage is full through a restart, and says so', async () => {
    // Fill storage.sync to a few bytes under its quota, from the extension's own worker.
    const probe = await chromium.background.evaluate(async (keys) => {
      const sync = chrome.storage.sync;
      await sync.set(Object.fromEntries(keys.slice(0, 12).map((k) => [k, 'x'.repeat(8_000)])));
      const left = sync.QUOTA_BYTES - (await sync.getBytesInUse(null));
      const last = keys[12]!;
      await sync.set({ [last]: 'x'.repeat(left - last.length - 2 - 8) });
      const refused = await sync.set({ probe: 'x'.repeat(100) }).then(() => null, (e: unknown) => String(e));
      return { left: sync.QUOTA_BYTES - (await sync.getBytesInUse(null)), refused };
    }, FILL_KEYS);
    expect(probe.left).toBe(8);
    expect(probe.refused).toMatch(/quota/i);

    const options = await chromium.openExtensionPage('options.html');
    const note = await callRoute<Note>(options, 'createNote', {
      target: { source: article(), url: article(), title: 'Caracas weather', quote: { type: 'TextQuoteSelector', exact: QUOTE, prefix: '', suffix: '' } },
      body: { text: LOCAL_TEXT, tags: [], color: 'yellow' },
    });
    noteId = note.id;
    const full = 'Browser sync storage is full: 1 note is kept on this device only.';
    await options.getByText(full).waitFor();
    expect(Object.keys(await syncItems())).not.toContain(headKey(noteId));
    const popup = await chromium.openExtensionPage('popup.html');
    await popup.getByText(full).waitFor();

    // Restart the browser on the same profile: the note is still here, and so is the warning.
    await chromium.close();
    chromium = await launchChromium({ profile });
    const after = await chromium.openExtensionPage('options.html');
    await after.getByText(LOCAL_TEXT).waitFor();
    await after.getByText(full).waitFor();
    expect((await callRoute<Note>(after, 'getNote', { id: noteId })).body.text).toBe(LOCAL_TEXT);
  });

  it('mirrors the note once there is room, and paints a note from another device live', async () => {
    const page = await chromium.context.newPage();
    await page.goto(article());
    await painted(page, 'yellow', QUOTE);

    // Room again: the note that was kept here goes into storage.sync.
    await chromium.background.evaluate((keys) => chrome.storage.sync.remove(keys), FILL_KEYS);
    await waitFor('the note in storage.sync', async () => ((await syncItems())[headKey(noteId)] ? true : undefined));
    const options = await chromium.openExtensionPage('options.html');
    await options.getByText(/^Last synced/).waitFor();
    expect(await options.getByText('Browser sync storage is full', { exact: false }).count()).toBe(0);

    // Another device's note, in the engine's own encoding, arrives in storage.sync.
    const remote = remoteNote('green');
    await chromium.background.evaluate((items) => chrome.storage.sync.set(items), encodeEntry(noteToEntry(remote, undefined)));
    await painted(page, 'green', REMOTE_QUOTE); // the open tab repaints, without reload
    await options.getByText(REMOTE_TEXT).waitFor(); // and the options page's live list has it
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

describe('Firefox: notes sync through storage.sync', () => {
  let firefox: FirefoxSession;
  beforeAll(async () => {
    firefox = await launchFirefox();
  });
  afterAll(async () => {
    await firefox?.close();
  });

  it('mirrors a new note into storage.sync and paints a note from another device live', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(article());
    const options = await firefox.openExtensionPage('options.html');
    // From the options page, as the extension's pages call the background (Firefox has `browser`).
    const run = <A, R>(fn: (arg: A) => Promise<R>, arg: A) => options.evaluate(fn as never, arg) as Promise<R>;
    const created = await run(
      (data) => browser.runtime.sendMessage({ route: 'createNote', data }) as Promise<{ ok: boolean; data: Note }>,
      {
        target: { source: article(), url: article(), title: 'Caracas weather', quote: { type: 'TextQuoteSelector', exact: QUOTE, prefix: '', suffix: '' } },
        body: { text: LOCAL_TEXT, tags: [], color: 'yellow' },
      },
    );
    expect(created.ok).toBe(true);
    await waitFor('the note in storage.sync', async () => {
      const items = await run(() => browser.storage.sync.get(null), undefined);
      return items[headKey(created.data.id)] ? true : undefined;
    });

    const remote = remoteNote('green');
    await run((items) => browser.storage.sync.set(items), encodeEntry(noteToEntry(remote, undefined)));
    await waitFor(`“${REMOTE_QUOTE}” painted green`, async () => {
      const texts = await page.evaluate(highlightTexts, 'crosscheck-note-green');
      return texts.includes(REMOTE_QUOTE) ? true : undefined;
    });
    expect(await page.evaluate(highlightTexts, 'crosscheck-note-yellow')).toEqual([QUOTE]);
    await waitFor('the status line', () => run(() => Promise.resolve(document.body.textContent!.includes('Last synced') || undefined), undefined));
  });

  it('keeps a note written while sync storage is full on this device, and says so', async () => {
    const options = await firefox.openExtensionPage('options.html');
    const run = <A, R>(fn: (arg: A) => Promise<R>, arg: A) => options.evaluate(fn as never, arg) as Promise<R>;
    // Fill storage.sync until Firefox refuses even a small write (its quota error differs from Chrome's).
    const refused = await run(async () => {
      const sync = browser.storage.sync;
      for (let size = 8_000, i = 0; size >= 16 && i < 200; i++) {
        const ok = await sync.set({ [`fill${i}`]: 'x'.repeat(size) }).then(() => true, () => false);
        if (!ok) size = Math.floor(size / 2);
      }
      return sync.set({ probe: 'x'.repeat(100) }).then(() => null, (e: unknown) => String(e));
    }, undefined);
    expect(refused).toMatch(/quota/i);

    const created = await run(
      (data) => browser.runtime.sendMessage({ route: 'createNote', data }) as Promise<{ ok: boolean; data: Note }>,
      {
        target: { source: article(), url: article(), title: 'Caracas weather', quote: { type: 'TextQuoteSelector', exact: REMOTE_QUOTE, prefix: '', suffix: '' } },
        body: { text: 'Written while Firefox Sync storage was full', tags: [], color: 'pink' },
      },
    );
    expect(created.ok).toBe(true);
    // Firefox counts its quota its own way, so the refusal may come from the write itself rather
    // than from the engine's own reckoning: either way the reader is told, and the note is kept.
    const warning = await waitFor('the full-storage warning', () =>
      run(() => Promise.resolve(document.body.textContent!.match(/Browser sync storage is full[^.]*\.[^.]*\./)?.[0]), undefined),
    );
    // The new note, and any whose room the filler took, are counted as kept here.
    expect(warning).toMatch(/\d+ notes? (is|are) kept on this device only|could not be synced/);
    const items = await run(() => browser.storage.sync.get(null), undefined);
    expect(items[headKey(created.data.id)]).toBeUndefined();
    const kept = (await run(
      (id) => browser.runtime.sendMessage({ route: 'getNote', data: { id } }) as Promise<{ ok: boolean; data: Note }>,
      created.data.id,
    )).data;
    expect(kept.body.text).toBe('Written while Firefox Sync storage was full');
  });
});

declare const browser: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: { sync: { get(keys: null): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } };
};
