import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumSession } from '../support/chromium';
import { waitFor } from '../support/wait';
import { serveFolder, type StaticServer } from '../support/static-server';

/** Clicks the first painted claim containing `text`, as a reader would. */
async function clickClaim(page: Page, text: string): Promise<void> {
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
  await page.mouse.click(point.x, point.y);
}

/** The in-page panel's frame once it shows `text`. */
function panelShowing(page: Page, text: string): Promise<Frame> {
  return waitFor(`the panel to show "${text}"`, async () => {
    for (const frame of page.frames()) {
      if (!frame.url().includes('/panel.html')) continue;
      const body = await frame.evaluate(() => document.body.innerText).catch(() => '');
      if (body.includes(text)) return frame;
    }
    return undefined;
  });
}

describe('Chromium: a note attached to a claim from its card shows in that card', () => {
  let server: StaticServer;
  let chromium: ChromiumSession;
  beforeAll(async () => {
    server = await serveFolder();
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });

  it('adds the note from the card, and the card lists it the next time it opens', async () => {
    const page = await chromium.context.newPage();
    await page.goto(`${server.origin}/article-a.html`);
    await clickClaim(page, 'In December, Russia sent two bomber');
    const card = await panelShowing(page, 'Add a note on this claim');
    await card.getByRole('button', { name: 'Add a note on this claim' }).click();

    const editor = await panelShowing(page, 'Note (Markdown)');
    const note = `Check the bomber dates against the Tu-160 flight logs (${Date.now()}).`;
    await editor.getByLabel('Note (Markdown)').fill(note);
    await editor.getByLabel('Note (Markdown)').press('Control+Enter');
    // Saved: the note is painted on the claim's sentence.
    await waitFor('the note to be painted', () =>
      page.evaluate(() => ((CSS.highlights.get('crosscheck-note-yellow')?.size ?? 0) > 0 ? true : undefined)),
    );

    await page.keyboard.press('Escape');
    await clickClaim(page, 'In December, Russia sent two bomber');
    const again = await panelShowing(page, note);
    expect(await again.evaluate(() => document.body.innerText)).toMatch(/Your notes/);
  });
});
