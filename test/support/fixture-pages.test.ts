// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { visibleText } from '@/lib/cli/match-command';
import { PAGE_NAMES, pagePurpose, renderPage } from './fixture-pages';

const words = (html: string) => visibleText(html).split(/\s+/).filter(Boolean);
const articleOf = (html: string) => /<article[^>]*>([\s\S]*?)<\/article>/.exec(html)?.[1];

// What each rendering reproduces was proven against the hand-written pages they replaced (commit f91e36c).
describe('the fixture pages, rendered from their sources', () => {
  it.each(PAGE_NAMES)('%s renders, and says what it is for', (name) => {
    const html = renderPage(name);
    expect(html).toMatch(/^<!doctype html>\n[\s\S]*<\/html>\n$/);
    expect(html).not.toContain('{{');
    expect(pagePurpose(name).length).toBeGreaterThan(20);
  });

  it.each([
    ['wrapped-a.html', 'article-a.html'],
    ['wrapped-c.html', 'article-c.html'],
  ])('%s is %s prettified: the same words, in other markup', (wrapped, plain) => {
    expect(words(articleOf(renderPage(wrapped))!)).toEqual(words(articleOf(renderPage(plain))!));
    expect(renderPage(wrapped)).toMatch(/<span class="x"> {15}\S+\n<\/span>/);
  });

  it('late.html carries article B in a script, and its body is article-b.html\'s once parsed', () => {
    const payload = /<script type="application\/json" id="payload">([\s\S]*?)<\/script>/.exec(renderPage('late.html'))![1]!;
    expect(payload).toMatch(/^[\x20-\x7e]+$/);
    expect(JSON.parse(payload)).toBe(articleOf(renderPage('article-b.html')));
  });

  it('an unknown page is an error that names the sources', () => {
    expect(() => renderPage('nope.html')).toThrow(/No fixture page "nope.html" in .*pages\.json/);
  });

});
