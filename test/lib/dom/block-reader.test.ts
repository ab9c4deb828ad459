// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BlockReader } from '@/lib/dom/block-reader';
import { readBlocks } from '@/lib/dom/page-text';

/** A reader on the body, fed by a MutationObserver as in the content script, counting the elements it looks at. */
function watchedReader() {
  const seen = { elements: 0 };
  const options = {
    skip: (el: Element) => {
      seen.elements++;
      return el.localName === 'nav';
    },
  };
  const reader = new BlockReader(() => document.body, options);
  const observer = new MutationObserver((records) => reader.invalidate(records));
  observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['hidden'] });
  const read = async () => {
    reader.invalidate(observer.takeRecords());
    seen.elements = 0;
    return reader.read();
  };
  return { read, seen, options };
}

const texts = (blocks: { text: string }[]) => blocks.map((b) => b.text);

beforeEach(() => {
  const paragraphs = Array.from({ length: 200 }, (_, i) => `<p>Paragraph <em>${i}</em> of the story.</p>`).join('');
  document.body.innerHTML = `<nav>Menu <span id="ticker">0</span></nav><article><h1>Title</h1>${paragraphs}</article>`;
});

describe('BlockReader', () => {
  it('reads what readBlocks reads', async () => {
    const { read, options } = watchedReader();
    expect(texts(await read())).toEqual(texts(readBlocks(document.body, options)));
  });

  it('reads again only what changed: the other blocks are the same objects, and barely looked at', async () => {
    const { read, seen } = watchedReader();
    const before = await read();
    expect(seen.elements).toBeGreaterThan(400);
    document.querySelectorAll('em')[50]!.textContent = 'fifty';
    const after = await read();
    expect(seen.elements).toBeLessThan(10);
    expect(after[51]!.text).toBe('Paragraph fifty of the story.');
    expect(after.filter((b, i) => b !== before[i])).toEqual([after[51]]);
  });

  it('follows blocks added, removed and hidden, and ignores changes in what it never reads', async () => {
    const { read, seen } = watchedReader();
    await read();
    const article = document.querySelector('article')!;
    article.insertAdjacentHTML('beforeend', '<p>A late paragraph.</p>');
    document.querySelectorAll('p')[0]!.remove();
    document.querySelectorAll('p')[1]!.hidden = true;
    const after = texts(await read());
    expect(after.at(-1)).toBe('A late paragraph.');
    expect(after.slice(1, 3)).toEqual(['Paragraph 1 of the story.', 'Paragraph 3 of the story.']);
    document.getElementById('ticker')!.textContent = '1'; // inside the skipped navigation
    await read();
    expect(seen.elements).toBe(0);
  });

  it('reads a container of many nodes in slices, giving the page its thread back between them', async () => {
    document.body.innerHTML = `<p>${Array.from({ length: 3000 }, (_, i) => `<b>w${i}</b> `).join('')}</p><p>Last.</p>`;
    const yields = vi.fn(() => Promise.resolve());
    vi.stubGlobal('scheduler', { yield: yields });
    try {
      const reader = new BlockReader(() => document.body, {}, 0); // a new slice as often as it looks at the clock
      expect(texts(await reader.read())).toEqual(texts(readBlocks(document.body)));
      expect(yields.mock.calls.length).toBeGreaterThan(5);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('reads the whole page again when the body is replaced', async () => {
    const reader = new BlockReader(() => document.body);
    await reader.read();
    const body = document.createElement('body');
    body.innerHTML = '<p>New page.</p>';
    document.documentElement.replaceChild(body, document.body);
    expect(texts(await reader.read())).toEqual(['New page.']);
  });
});
