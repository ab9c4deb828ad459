/**
 * The demo site and the test pages, rendered from their sources in `test/fixtures/pages/`: each
 * article's text once (plain text in `articles/`, A and B the claim database's own sources in
 * `test/fixtures/articles/`), the page chrome once (`template.html`), and what each page adds
 * (`pages.json`, which also says what each page is for; scripts and styles in `parts/`).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { prettify } from './prettify';

/** The pages' sources, and the stylesheet they share (`news.css`). */
export const PAGE_SOURCES = resolve(import.meta.dirname, '../fixtures/pages');

const PageSpec = z.strictObject({
  /** What the page is for: the one place it is written down. */
  purpose: z.string(),
  /** Another page this one starts from: its fields, and its edits before this one's. */
  extends: z.string().optional(),
  /** A page kept as it is, in `static/`, for the tests that need no chrome and no article. */
  static: z.string().optional(),
  /** The article's text, `articles/NAME.html`. */
  article: z.string().optional(),
  brand: z.string().optional(),
  site: z.string().optional(),
  /** `page`: the news page; `bare`: without the site's chrome; `wrapped`: prettified markup; `late`: the body arrives after load. */
  layout: z.enum(['page', 'bare', 'wrapped', 'late']).optional(),
  title: z.string().optional(),
  titleSuffix: z.string().optional(),
  canonical: z.string().optional(),
  articleAttributes: z.string().optional(),
  /** Parts (`parts/NAME`) put in the head, after the article, and at the end of the body. */
  head: z.string().optional(),
  afterArticle: z.string().optional(),
  end: z.string().optional(),
  /** Edits of the article's text, in this order: replace words, drop the blocks that contain a text, insert blocks after the heading. */
  replace: z.array(z.tuple([z.string(), z.string()])).optional(),
  drop: z.array(z.string()).optional(),
  insertAfterHeading: z.array(z.string()).optional(),
});
type PageSpec = z.infer<typeof PageSpec>;

const Site = z.strictObject({
  tagline: z.string(),
  footer: z.array(z.string()).default([]),
  /** The article whose text ends with this site's footer (see `footerFrom`): the footer is taken from there. */
  footerOfArticle: z.string().optional(),
});
const Article = z.strictObject({
  /** Plain text: the title, then paragraphs between blank lines. In `articles/`; A and B are the claim database's own sources. */
  text: z.string(),
  byline: z.string(),
  /** Paragraphs, by how they start, laid out otherwise than `<p>`: each `$` takes the next paragraph. */
  markup: z.record(z.string(), z.string()).optional(),
  /** The paragraph, by how it starts, from which the text is the site's footer rather than the article. */
  footerFrom: z.string().optional(),
});
const Sources = z.strictObject({
  sites: z.record(z.string(), Site),
  articles: z.record(z.string(), Article),
  related: z.array(z.string()),
  pages: z.record(z.string(), PageSpec),
});

const source = (path: string) => readFileSync(join(PAGE_SOURCES, path), 'utf8');
const sources = Sources.parse(JSON.parse(source('pages.json')));

/** Every page the site serves, by file name. */
export const PAGE_NAMES: readonly string[] = Object.keys(sources.pages);

/** What a page is for, as `pages.json` says. */
export const pagePurpose = (name: string): string => spec(name).purpose;

/** A page's specifics, with those of the page it extends. */
function spec(name: string): PageSpec {
  const own = sources.pages[name];
  if (!own) throw new Error(`No fixture page "${name}" in ${join(PAGE_SOURCES, 'pages.json')}`);
  if (!own.extends) return own;
  const base = spec(own.extends);
  return {
    ...base,
    ...own,
    replace: [...(base.replace ?? []), ...(own.replace ?? [])],
    drop: [...(base.drop ?? []), ...(own.drop ?? [])],
    insertAfterHeading: [...(base.insertAfterHeading ?? []), ...(own.insertAfterHeading ?? [])],
  };
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An article's HTML, one top-level block a line (`  <h1>…`), and the paragraphs that its site's footer takes. */
function articleHtml(name: string): { html: string; footer?: string[] } {
  const article = sources.articles[name];
  if (!article) throw new Error(`No article "${name}" in pages.json`);
  const [title = '', ...paragraphs] = source(`articles/${article.text}`).split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const end = article.footerFrom ? paragraphs.findIndex((p) => p.startsWith(article.footerFrom!)) : paragraphs.length;
  if (end < 0) throw new Error(`No paragraph of article ${name} starts with "${article.footerFrom}"`);
  const blocks = [`<h1>${escape(title)}</h1>`, `<p class="byline">${article.byline}</p>`];
  for (let i = 0; i < end; ) {
    const markup = Object.entries(article.markup ?? {}).find(([start]) => paragraphs[i]!.startsWith(start))?.[1] ?? '<p>$</p>';
    blocks.push(markup.replace(/\$/g, () => escape(paragraphs[i++] ?? '')));
  }
  return { html: blocks.map((b) => `  ${b}\n`).join(''), footer: article.footerFrom ? paragraphs.slice(end).map(escape) : undefined };
}

/** The article's top-level blocks (one per line, a block's continuation lines indented deeper), edited as the page says. */
function articleBlocks(page: PageSpec): string[] {
  if (!page.article) throw new Error('A page needs an article or a static file');
  let text = articleHtml(page.article).html;
  for (const [from, to] of page.replace ?? []) {
    if (!text.includes(from)) throw new Error(`"${from}" is not in article ${page.article}`);
    text = text.replaceAll(from, to);
  }
  let blocks = text.trimEnd().split(/\n(?= {2}<)/);
  for (const gone of page.drop ?? []) {
    if (!blocks.some((b) => b.includes(gone))) throw new Error(`No block of article ${page.article} contains "${gone}"`);
    blocks = blocks.filter((b) => !b.includes(gone));
  }
  const heading = blocks.findIndex((b) => b.startsWith('  <h1>'));
  blocks.splice(heading + 1, 0, ...(page.insertAfterHeading ?? []).map((b) => `  ${b}`));
  return blocks;
}

const headingOf = (blocks: string[]) => /<h1>(.*?)<\/h1>/.exec(blocks.join('\n'))?.[1] ?? '';

/** JSON a `<script>` can hold as it is: no `</`, and ASCII only, as a minifier writes it. */
const scriptJson = (value: string) =>
  JSON.stringify(value)
    .replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replaceAll('</', '<\\/');

/** The article element's content and what follows it, as the page's layout lays them out. */
function articleMarkup(page: PageSpec, blocks: string[]): { article: string; afterArticle: string } {
  const after = page.afterArticle ? source(`parts/${page.afterArticle}`) : '';
  switch (page.layout) {
    case 'wrapped':
      return { article: prettify(blocks), afterArticle: after };
    case 'late': {
      const payload = `<script type="application/json" id="payload">${scriptJson(`\n${blocks.join('\n')}\n`)}</script>\n`;
      return { article: '  <p class="byline">Loading the story…</p>\n', afterArticle: payload + after };
    }
    default:
      return { article: `${blocks.join('\n')}\n`, afterArticle: after };
  }
}

/** One page's HTML, as the server serves it. */
export function renderPage(name: string): string {
  const page = spec(name);
  if (page.static) return source(`static/${page.static}`);
  const blocks = articleBlocks(page);
  const site = page.site ? sources.sites[page.site] : undefined;
  if (page.layout !== 'bare' && !site) throw new Error(`Page ${name} has no site chrome (site "${page.site}")`);
  const { article, afterArticle } = articleMarkup(page, blocks);
  const related = sources.related.map((other) => `    <li><a href="/${other}">${headingOf(articleBlocks(spec(other)))}</a></li>\n`);
  const values: Record<string, string> = {
    title: `${page.title ?? headingOf(blocks)} | ${page.brand}${page.titleSuffix ?? ''}`,
    canonical: page.canonical ?? `/${name}`,
    head: page.head ? source(`parts/${page.head}`) : '',
    brand: page.brand ?? '',
    tagline: site?.tagline ?? '',
    articleAttributes: page.articleAttributes ?? '',
    article,
    afterArticle,
    related: related.join(''),
    footer: ((site?.footerOfArticle ? articleHtml(site.footerOfArticle).footer : site?.footer) ?? []).map((p) => `  <p>${p}</p>\n`).join(''),
    end: page.end ? source(`parts/${page.end}`) : '',
  };
  const chrome = page.layout === 'bare' ? '' : '$1';
  return source('template.html')
    .replace(/<!--chrome-->([\s\S]*?)<!--\/chrome-->/g, chrome)
    .replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
      const value = values[key];
      if (value === undefined) throw new Error(`template.html names an unknown value {{${key}}}`);
      return value;
    });
}

/** Every page by name, and the stylesheet: what the demo server serves. */
export function renderSite(): Map<string, string> {
  const site = new Map(PAGE_NAMES.map((name) => [name, renderPage(name)]));
  site.set('news.css', source('news.css'));
  return site;
}
