import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame as PwFrame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumSession } from '../support/chromium';
import { launchFirefox, type FirefoxSession } from '../support/firefox';
import { findTabInExtensionPage, showPopupFor } from '../support/popup';
import { highlightTexts } from '../support/highlights';
import { serveFolder, type StaticServer } from '../support/static-server';
import { waitFor } from '../support/wait';

// One journey per browser: select text → Add note button → panel editor → Ctrl+Enter; reload and
// the note is painted on the same words; the article edited around it, still painted; its text
// removed, "not found" in the popup; export, import into a fresh profile, and the note is back.

const QUOTE = 'heaviest showers on Wednesday afternoon';
const NOTE_TEXT = 'Check this against the Wednesday observations';
const HIGHLIGHT = 'crosscheck-note-yellow';

let server: StaticServer;
beforeAll(async () => {
  server = await serveFolder();
});
afterAll(() => server?.close());

const pageUrl = (name: string) => `${server.origin}/${name}.html`;

/** In the page: selects the first occurrence of `quote` (driver-neutral, for `evaluate`). */
function selectText(quote: string): boolean {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node as Text).data.indexOf(quote);
    if (at === -1) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + quote.length);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    return true;
  }
  return false;
}

/** In the page: the Add note button's centre, when it is shown (its host is the only light-DOM part). */
function noteButtonCentre(): { x: number; y: number } | null {
  const host = document.querySelector('crosscheck-note-button');
  if (!host?.isConnected) return null;
  const box = host.getBoundingClientRect();
  return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
}

/** Selects the quote until the content script shows its button (it may still be starting). */
async function showNoteButton(evaluate: <A, R>(fn: (a: A) => R, arg: A) => Promise<R>) {
  return waitFor('the Add note button', async () => {
    await evaluate(selectText, QUOTE);
    await new Promise((r) => setTimeout(r, 300));
    return evaluate(noteButtonCentre, undefined);
  });
}

const painted = (evaluate: <A, R>(fn: (a: A) => R, arg: A) => Promise<R>) =>
  waitFor(`the note painted on “${QUOTE}”`, async () => {
    const texts = await evaluate(highlightTexts, HIGHLIGHT);
    return texts.length === 1 && texts[0] === QUOTE;
  });

describe('Chromium: write a note, find it again, export and import it', () => {
  let chromium: ChromiumSession;
  let fresh: ChromiumSession | undefined;
  beforeAll(async () => {
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium?.close();
    await fresh?.close();
  });

  it('goes through the whole journey', async () => {
    // A second tab on the same article (another URL, one canonical form) repaints without reload.
    const other = await chromium.context.newPage();
    await other.goto(`${pageUrl('notes-article')}?utm_source=newsletter#comments`);
    const page = await chromium.context.newPage();
    const evaluate = <A, R>(fn: (a: A) => R, arg: A) => page.evaluate(fn as never, arg) as Promise<R>;
    await page.goto(pageUrl('notes-article'));

    const at = await showNoteButton(evaluate);
    await page.mouse.click(at.x, at.y);
    const panel = await waitFor('the note panel', async () => page.frames().find((f) => f.url().includes('/panel.html')));
    const editor = (panel as PwFrame).getByLabel('Note (Markdown)');
    await editor.fill(NOTE_TEXT);
    await editor.press('Control+Enter');
    await painted(evaluate);
    expect(await evaluate(noteButtonCentre, undefined)).toBeNull();
    await painted((fn, arg) => other.evaluate(fn as never, arg));

    await page.reload();
    await painted(evaluate);
    await page.goto(pageUrl('notes-article-changed'));
    await painted(evaluate);

    await page.goto(pageUrl('notes-article-removed'));
    const popup = await chromium.openExtensionPage('popup.html');
    await showPopupFor(
      pageUrl('notes-article-removed'),
      () => popup.evaluate(findTabInExtensionPage, pageUrl('notes-article-removed')),
      (path) => popup.goto(`chrome-extension://${chromium.extensionId}/${path}`),
    );
    await popup.getByRole('heading', { name: 'Not found on this page (1)' }).waitFor();
    await expect(popup.getByTestId('notes-section').textContent()).resolves.toContain(QUOTE);
    expect(await evaluate(highlightTexts, HIGHLIGHT)).toEqual([]);

    const options = await chromium.openExtensionPage('options.html');
    await options.getByText(NOTE_TEXT).waitFor();
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Export as JSON-LD (W3C Web Annotation)' }).click(),
    ]);
    const file = join(tmpdir(), `crosscheck-e2e-${Date.now()}.jsonld`);
    await download.saveAs(file);
    expect(await readFile(file, 'utf8')).toContain(QUOTE);

    fresh = await launchChromium();
    const freshOptions = await fresh.openExtensionPage('options.html');
    await freshOptions.getByText('You have no notes yet.', { exact: false }).waitFor();
    await freshOptions.locator('input[type=file]').setInputFiles(file);
    await freshOptions.getByText('1 added', { exact: false }).waitFor();
    await freshOptions.getByText(NOTE_TEXT).waitFor();
    const again = await fresh.context.newPage();
    await again.goto(pageUrl('notes-article'));
    await painted((fn, arg) => again.evaluate(fn as never, arg));
  });
});

describe('Firefox: write a note, find it again, export and import it', () => {
  let firefox: FirefoxSession;
  let fresh: FirefoxSession | undefined;
  beforeAll(async () => {
    firefox = await launchFirefox();
  });
  afterAll(async () => {
    await firefox?.close();
    await fresh?.close();
  });

  it('goes through the whole journey', async () => {
    const other = await firefox.browser.newPage();
    await other.goto(`${pageUrl('notes-article')}?utm_source=newsletter#comments`);
    const page = await firefox.browser.newPage();
    const evaluate = <A, R>(fn: (a: A) => R, arg: A) => page.evaluate(fn as never, arg) as Promise<R>;
    await page.goto(pageUrl('notes-article'));

    const at = await showNoteButton(evaluate);
    await page.mouse.click(at.x, at.y);
    // Typed, as a reader would: the editor takes focus when the panel opens. Puppeteer reports
    // the extension's frame as about:blank, so each frame is asked where it is.
    await waitFor('the note editor, focused', async () => {
      for (const frame of page.frames()) {
        const ready = await frame
          .evaluate(() => location.pathname === '/panel.html' && document.activeElement?.localName === 'textarea')
          .catch(() => false);
        if (ready) return true;
      }
      return false;
    });
    await page.keyboard.type(NOTE_TEXT);
    await page.keyboard.down('Control');
    await page.keyboard.press('Enter');
    await page.keyboard.up('Control');
    await painted(evaluate);
    await painted((fn, arg) => other.evaluate(fn as never, arg));

    await page.reload();
    await painted(evaluate);
    await page.goto(pageUrl('notes-article-changed'));
    await painted(evaluate);

    await page.goto(pageUrl('notes-article-removed'));
    const popup = await firefox.openExtensionPage('popup.html');
    await showPopupFor(
      pageUrl('notes-article-removed'),
      () => popup.evaluate(findTabInExtensionPage, pageUrl('notes-article-removed')),
      (path) => firefox.gotoExtensionPage(popup, path),
    );
    expect(await waitFor('the note listed as not found', async () => {
      const text = await popup.evaluate(() => document.querySelector('[data-testid="notes-section"]')?.textContent ?? '');
      return text.includes('Not found on this page (1)') && text;
    })).toContain(QUOTE);
    expect(await evaluate(highlightTexts, HIGHLIGHT)).toEqual([]);

    const options = await firefox.openExtensionPage('options.html');
    await waitFor('the note in the options page', () => options.evaluate((t) => document.body.textContent!.includes(t), NOTE_TEXT));
    // The export's text, as the Export button downloads it (Firefox's download UI is not scriptable).
    const exported = await options.evaluate(async () => {
      const reply = await browser.runtime.sendMessage({ route: 'exportNotes', data: { format: 'json' } });
      return (reply as { data: { text: string } }).data.text;
    });
    expect(exported).toContain(QUOTE);
    const file = join(tmpdir(), `crosscheck-e2e-ff-${Date.now()}.jsonld`);
    await writeFile(file, exported);

    fresh = await launchFirefox();
    const freshOptions = await fresh.openExtensionPage('options.html');
    const input = await waitFor('the import input', () => freshOptions.$('input[type=file]'));
    await input.uploadFile(file);
    await waitFor('the import', () => freshOptions.evaluate(() => document.body.textContent!.includes('1 added')));
    const again = await fresh.browser.newPage();
    await again.goto(pageUrl('notes-article'));
    await painted((fn, arg) => again.evaluate(fn as never, arg));
  });
});

declare const browser: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
