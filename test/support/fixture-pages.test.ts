// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { visibleText } from '@/lib/cli/match-command';
import { ARTICLE_TEXT } from '@/lib/dom/article-text';
import { readPageText } from '@/lib/dom/page-text';
import { PAGE_NAMES, PAGE_SOURCES, renderPage } from './fixture-pages';

const contentScriptText = (html: string) =>
  readPageText(new DOMParser().parseFromString(html.replace(/<link [^>]*>/g, ''), 'text/html').body, ARTICLE_TEXT).text;
const withoutComments = (html: string) => html.replace(/<!--[\s\S]*?-->\n/g, '');

// Transitional: the rendered pages against the hand-written files they replace.
describe('the rendered pages reproduce the hand-written ones', () => {
  it.each(PAGE_NAMES.filter((n) => !n.startsWith('hostile-')))('%s', (name) => {
    const old = readFileSync(join(PAGE_SOURCES, name), 'utf8');
    const html = renderPage(name);
    expect(visibleText(html)).toBe(visibleText(old));
    expect(contentScriptText(html)).toBe(contentScriptText(old));
    if (!name.startsWith('wrapped-')) expect(html).toBe(withoutComments(old));
  });
});
