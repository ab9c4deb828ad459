import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, type Driver, type DriverPage } from '../support/driver';
import { panelShowing, typeNote } from '../support/panel';
import { serveFolder, type StaticServer } from '../support/static-server';
import { waitFor } from '../support/wait';

/** Clicks the first painted claim containing `text`, as a reader would. */
async function clickClaim(page: DriverPage, text: string): Promise<void> {
  const point = await waitFor(`"${text}" to be painted`, () =>
    page.evaluate((t) => {
      for (const r of CSS.highlights.get('crosscheck-claim') ?? []) {
        const range = r as Range;
        if (!range.toString().includes(t)) continue;
        range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        const box = range.getClientRects()[0]!;
        return { x: box.left + 10, y: box.top + box.height / 2 };
      }
      return undefined;
    }, text),
  );
  await page.click(point.x, point.y);
}

describe.each(BROWSERS)('%s: a note attached to a claim from its card shows in that card', (_name, launch) => {
  let server: StaticServer;
  let driver: Driver;
  beforeAll(async () => {
    server = await serveFolder();
    driver = await launch();
  });
  afterAll(async () => {
    await driver?.close();
    await server?.close();
  });

  it('adds the note from the card, and the card lists it the next time it opens', async () => {
    const page = await driver.newPage();
    await page.goto(`${server.origin}/article-a.html`);
    await clickClaim(page, 'In December, Russia sent two bomber');
    await panelShowing(page, 'Add a note on this claim');
    await page.clickButton('Add a note on this claim', '/panel.html');

    await panelShowing(page, 'Note (Markdown)');
    const note = `Check the bomber dates against the Tu-160 flight logs (${Date.now()}).`;
    await typeNote(page, note);
    // Saved: the note is painted on the claim's sentence.
    await waitFor('the note to be painted', () =>
      page.evaluate(() => ((CSS.highlights.get('crosscheck-note-yellow')?.size ?? 0) > 0 ? true : undefined)),
    );

    await page.press('Escape');
    await clickClaim(page, 'In December, Russia sent two bomber');
    expect(await panelShowing(page, note)).toMatch(/Your notes/);
  });
});
