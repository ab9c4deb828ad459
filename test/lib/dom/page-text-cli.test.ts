// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { visibleText } from '@/lib/cli/match-command';
import { ARTICLE_TEXT } from '@/lib/dom/article-text';
import { readPageText } from '@/lib/dom/page-text';
import { matchText } from '@/lib/matcher/match';
import { bundledIndex } from '../../support/bundled-index';
import { renderPage } from '../../support/fixture-pages';

/** The text the content script reads from a page (happy-dom here, a real browser in the e2e tests). */
function contentScriptText(html: string): string {
  // Stylesheet links removed: happy-dom would try to load them, and the reading ignores stylesheets.
  const doc = new DOMParser().parseFromString(html.replace(/<link [^>]*>/g, ''), 'text/html');
  return readPageText(doc.body, ARTICLE_TEXT).text;
}

const page = renderPage;
const index = bundledIndex();
/**
 * What a reader is shown: which claim, in which words, agreeing or not (offsets aside; a <br> and
 * a paragraph break both read as a break).
 */
const found = (text: string) =>
  matchText(index, text).map(({ claimId, stance, text: words, differs }) => ({ claimId, stance, words: words.replace(/\s+/g, ' '), differs }));

describe('one text, one result: the command line and the content script read a page alike', () => {
  it.each(['wrapped-a.html', 'wrapped-c.html', 'article-a.html', 'article-c.html', 'hostile.html', 'no-claims.html'])(
    '%s: the same visible text',
    (file) => {
      const html = page(file);
      expect(contentScriptText(html)).toBe(visibleText(html));
    },
  );

  it.each([
    ['wrapped-a.html', 'article-a.html'],
    ['wrapped-c.html', 'article-c.html'],
  ])('%s (prettified: wrapped lines, <br>, inline elements, template white space) finds what %s finds', (wrapped, plain) => {
    const plainFound = found(contentScriptText(page(plain)));
    expect(plainFound.length).toBeGreaterThan(5);
    expect(found(contentScriptText(page(wrapped)))).toEqual(plainFound);
  });
});
