import type { DriverPage } from './driver';
import { waitFor } from './wait';

/** The in-page panel's text once it shows `text`. */
export function panelShowing(page: DriverPage, text: string): Promise<string> {
  return waitFor(`the panel to show "${text}"`, async () => {
    const body = await page.frameText('/panel.html');
    return body?.includes(text) ? body : undefined;
  });
}

/**
 * Writes a note in the panel's editor as a reader does: the editor takes focus when it opens, the
 * text is typed, and Ctrl+Enter saves it.
 */
export async function typeNote(page: DriverPage, text: string): Promise<void> {
  await waitFor('the note editor, focused', () =>
    page.inFrame('/panel.html', () => {
      const editor = document.activeElement as HTMLTextAreaElement | null;
      return editor?.localName === 'textarea' && editor.labels?.[0]?.textContent === 'Note (Markdown)';
    }),
  );
  await page.type(text);
  await page.press('Control+Enter');
}
