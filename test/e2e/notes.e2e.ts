import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, type Driver, type DriverPage } from '../support/driver';
import { highlightTexts } from '../support/highlights';
import { typeNote } from '../support/panel';
import { buttonCentre, showSelectionButton } from '../support/selection';
import { serveFolder, type StaticServer } from '../support/static-server';
import { waitFor } from '../support/wait';

// One journey, in each browser: select text → Add note button → panel editor → Ctrl+Enter; reload and
// the note is painted on the same words; the article edited around it, still painted; its text
// removed, "not found" in the popup; export, import into a fresh profile, and the note is back.

const QUOTE = 'heaviest showers on Wednesday afternoon';
const NOTE_TEXT = 'Check this against the Wednesday observations';
const HIGHLIGHT = 'crosscheck-note-yellow';
const NOTE_BUTTON = 'crosscheck-note-button';

let server: StaticServer;
beforeAll(async () => {
  server = await serveFolder();
});
afterAll(() => server?.close());

const pageUrl = (name: string) => `${server.origin}/${name}.html`;

/** Selects the quote until the content script shows its Add note button (it may still be starting). */
const showNoteButton = (page: DriverPage) => showSelectionButton(page, QUOTE, NOTE_BUTTON);

const painted = (page: DriverPage) =>
  waitFor(`the note painted on “${QUOTE}”`, async () => {
    const texts = await page.evaluate(highlightTexts, HIGHLIGHT);
    return texts.length === 1 && texts[0] === QUOTE;
  });

/** In the popup: the headings of its notes section. */
const notesHeadings = () => [...document.querySelectorAll('[data-testid="notes-section"] :is(h2, h3, h4)')].map((h) => h.textContent);

describe.each(BROWSERS)('%s: write a note, find it again, export and import it', (_name, launch) => {
  let driver: Driver;
  let fresh: Driver | undefined;
  beforeAll(async () => {
    driver = await launch();
  });
  afterAll(async () => {
    await driver?.close();
    await fresh?.close();
  });

  it('goes through the whole journey', async () => {
    // A second tab on the same article (another URL, one canonical form) repaints without reload.
    const other = await driver.newPage();
    await other.goto(`${pageUrl('notes-article')}?utm_source=newsletter#comments`);
    const page = await driver.newPage();
    await page.goto(pageUrl('notes-article'));

    const at = await showNoteButton(page);
    await page.click(at.x, at.y);
    await typeNote(page, NOTE_TEXT);
    await painted(page);
    expect(await page.evaluate(buttonCentre, NOTE_BUTTON)).toBeNull();
    await painted(other);

    await page.reload();
    await painted(page);
    await page.goto(pageUrl('notes-article-changed'));
    await painted(page);

    await page.goto(pageUrl('notes-article-removed'));
    const popup = await driver.popupFor(pageUrl('notes-article-removed'));
    await waitFor('the note listed as not found', async () => (await popup.evaluate(notesHeadings)).includes('Not found on this page (1)'));
    expect(await popup.textOf('[data-testid="notes-section"]')).toContain(QUOTE);
    expect(await page.evaluate(highlightTexts, HIGHLIGHT)).toEqual([]);

    const options = await driver.open('options.html');
    await options.waitForText(NOTE_TEXT);
    const exported = await options.download('Export as JSON-LD (W3C Web Annotation)');
    expect(exported).toContain(QUOTE);
    const file = join(tmpdir(), `crosscheck-e2e-${driver.name}-${Date.now()}.jsonld`);
    await writeFile(file, exported);

    fresh = await launch();
    const freshOptions = await fresh.open('options.html');
    await freshOptions.waitForText('You have no notes yet.');
    await freshOptions.upload('input[type=file]', file);
    await freshOptions.waitForText('1 added');
    await freshOptions.waitForText(NOTE_TEXT);
    const again = await fresh.newPage();
    await again.goto(pageUrl('notes-article'));
    await painted(again);
  });
});

