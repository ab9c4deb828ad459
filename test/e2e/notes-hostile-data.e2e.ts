import { afterAll, describe, expect, it } from 'vitest';
import { BROWSERS, type Driver } from '../support/driver';
import { waitFor } from '../support/wait';

// Notes as hostile data, in the options page of each browser: a 300-character run with no space
// (in the text, the quote, a code block and the page's address), 1,600 nested links, and raw
// HTML. The page must list every note, wrap every run inside its card without scrolling sideways,
// and show the HTML as text.

const RUN = (ch: string) => ch.repeat(300);
const annotation = (n: number, text: string, source = 'https://news.example/story', exact = `quoted words ${n}`) => ({
  '@context': 'http://www.w3.org/ns/anno.jsonld',
  id: `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  type: 'Annotation',
  created: '2026-01-02T03:04:05.000Z',
  modified: '2026-01-02T03:04:05.000Z',
  body: [{ type: 'TextualBody', value: text, format: 'text/markdown', purpose: 'commenting' }],
  target: { source, selector: [{ type: 'TextQuoteSelector', exact }] },
});
const FILE = JSON.stringify([
  annotation(1, `A run: ${RUN('a')} and more.`, undefined, RUN('q')),
  annotation(2, `Code:\n\n\`\`\`\n${RUN('c')}\n\`\`\`\n\nand \`${RUN('i')}\``),
  annotation(3, `${'['.repeat(1600)}deep${'](http://x)'.repeat(1600)}`),
  annotation(4, '<img src=x onerror="document.title=\'pwned\'"><script>document.title="pwned"</script> **bold**'),
  annotation(5, 'On a page with a long address', `https://news.example/${RUN('p')}`),
]);

/** In an extension page: imports a file through the background, as the Import button does. */
async function importFile(text: string): Promise<unknown> {
  const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
  return api.runtime.sendMessage({ route: 'importNotes', data: { text } });
}

/** In the options page: what the reader sees of the list, and how wide things are. */
function layout() {
  const root = document.documentElement;
  const cards = [...document.querySelectorAll<HTMLElement>('.cc-note-card')];
  return {
    heading: document.querySelector('#cc-all-notes')?.textContent ?? '',
    page: { scroll: root.scrollWidth, client: root.clientWidth },
    overflowing: cards.filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent!.slice(0, 40)),
    cards: cards.length,
    text: document.querySelector('main')!.textContent ?? '',
    images: document.querySelectorAll('main img, main script').length,
    title: document.title,
  };
}

describe.each(BROWSERS)('%s: hostile notes in the options page', (_name, launch) => {
  let driver: Driver | undefined;
  afterAll(async () => driver?.close());

  it('lists every note, wraps long runs in their cards, and shows HTML as text', async () => {
    driver = await launch();
    const first = await driver.open('options.html');
    expect(await first.evaluate(importFile, FILE)).toMatchObject({ ok: true, data: { added: 5 } });
    const options = await driver.open('options.html');
    const seen = await waitFor('the five notes listed', async () => {
      const l = await options.evaluate(layout);
      return l.cards === 5 && l.text.includes('deep') && l;
    });
    expect(seen.heading).toBe('Your notes (5)');
    expect(seen.page.scroll, 'the options page scrolls sideways').toBeLessThanOrEqual(seen.page.client);
    expect(seen.overflowing, 'cards wider than their box').toEqual([]);
    expect(seen.text).toContain('<img src=x onerror=');
    expect(seen.images).toBe(0);
    expect(seen.title).not.toBe('pwned');
  });
});
