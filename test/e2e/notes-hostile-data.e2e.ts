import { afterAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumSession } from '../support/chromium';
import { launchFirefox, type FirefoxSession } from '../support/firefox';
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

type Evaluate = <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) => Promise<R>;

/** The journey, the same in both browsers: import, open the options page, look. */
async function journey(open: () => Promise<Evaluate>): Promise<void> {
  const first = await open();
  const reply = await first(importFile, FILE);
  expect(reply).toMatchObject({ ok: true, data: { added: 5 } });
  const evaluate = await open();
  const seen = await waitFor('the five notes listed', async () => {
    const l = await evaluate(layout, undefined);
    return l.cards === 5 && l.text.includes('deep') && l;
  });
  expect(seen.heading).toBe('Your notes (5)');
  expect(seen.page.scroll, 'the options page scrolls sideways').toBeLessThanOrEqual(seen.page.client);
  expect(seen.overflowing, 'cards wider than their box').toEqual([]);
  expect(seen.text).toContain('<img src=x onerror=');
  expect(seen.images).toBe(0);
  expect(seen.title).not.toBe('pwned');
}

describe('Chromium: hostile notes in the options page', () => {
  let chromium: ChromiumSession | undefined;
  afterAll(async () => chromium?.close());

  it('lists every note, wraps long runs in their cards, and shows HTML as text', async () => {
    chromium = await launchChromium();
    const session = chromium;
    await journey(async () => {
      const page = await session.openExtensionPage('options.html');
      return (fn, arg) => page.evaluate(fn as never, arg) as never;
    });
  });
});

describe('Firefox: hostile notes in the options page', () => {
  let firefox: FirefoxSession | undefined;
  afterAll(async () => firefox?.close());

  it('lists every note, wraps long runs in their cards, and shows HTML as text', async () => {
    firefox = await launchFirefox();
    const session = firefox;
    await journey(async () => {
      const page = await session.openExtensionPage('options.html');
      return (fn, arg) => page.evaluate(fn as never, arg) as never;
    });
  });
});
