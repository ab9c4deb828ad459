import type { JsonLdNode } from '../factchecks/jsonld';
import { canonicalUrl } from '../dom/canonical-url';
import { findPageNodes } from './page-jsonld';
import type { PageSource } from './page-source-schema';
import { isHttpUrl, isoDate, MAX_PAGE_NAME, MAX_PAGE_TITLE } from '../factchecks/web-values';

/**
 * Reads the source of the page the reader is on: its outlet, canonical URL, title, author and
 * publication day. Runs in the content script, so it is plain DOM with no zod; the receiver checks
 * the result with `PageSourceSchema`. The author and the day come from the page's article JSON-LD,
 * then from its meta tags, and are null when the page does not say: never guessed.
 */

/** schema.org's article types, whose JSON-LD node describes the page's own story. */
const ARTICLE_TYPES = new Set([
  'Article', 'NewsArticle', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'OpinionNewsArticle',
  'BackgroundNewsArticle', 'ReviewNewsArticle', 'AskPublicNewsArticle', 'BlogPosting', 'LiveBlogPosting', 'Report',
]);
/** Meta tags (by name, property or itemprop, any case) naming the author, most specific first. */
const AUTHOR_META = ['author', 'article:author', 'dc.creator', 'dcterms.creator', 'parsely-author', 'sailthru.author', 'byl'];
/** Meta tags giving the publication date, most specific first. */
const DATE_META = [
  'article:published_time', 'datepublished', 'og:published_time', 'dc.date.issued', 'dcterms.issued', 'dc.date',
  'dcterms.date', 'dcterms.created', 'date', 'pubdate', 'publishdate', 'publish-date', 'parsely-pub-date', 'sailthru.date',
];
const MAX_ARTICLE_NODES = 20;

/** A name as text: white space collapsed; null when blank or over-long (treated as absent, not cut). */
function clean(value: unknown, max: number): string | null {
  if (typeof value !== 'string' || value.length > max * 4) return null;
  const text = value.replace(/\s+/g, ' ').trim();
  return text && text.length <= max ? text : null;
}

/** The page's meta tags by lower-cased name, property or itemprop: the first content of each. */
function readMeta(doc: Document): Map<string, string> {
  const meta = new Map<string, string>();
  for (const el of doc.querySelectorAll('meta[content]')) {
    const content = el.getAttribute('content') ?? '';
    for (const attr of ['name', 'property', 'itemprop']) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (key && !meta.has(key)) meta.set(key, content);
    }
  }
  return meta;
}

/** An author name: "By " dropped; a URL (article:author often holds a profile link) is no name. */
function authorName(value: unknown): string | null {
  const name = clean(value, MAX_PAGE_NAME)?.replace(/^by\s+/i, '') ?? null;
  return name && !isHttpUrl(name) ? name : null;
}

/** The names in a JSON-LD `author`: a name, a Person or Organization, or an array of them. */
function jsonLdAuthors(value: unknown): string | null {
  const list = (Array.isArray(value) ? value : [value]).slice(0, 20);
  const names = list.map((a) => authorName(typeof a === 'object' && a !== null ? (a as JsonLdNode).name : a));
  const unique = [...new Set(names.filter((n): n is string => n !== null))];
  return clean(unique.join(', '), MAX_PAGE_NAME);
}

/** Whether a JSON-LD node's own URL (`url`, `mainEntityOfPage`, `@id`) is this page's canonical URL. */
function describesPage(node: JsonLdNode, pageUrl: string, canonical: string): boolean {
  const main = node.mainEntityOfPage;
  const ids = [node.url, typeof main === 'object' && main !== null ? (main as JsonLdNode)['@id'] : main, node['@id']];
  return ids.some((id) => {
    if (typeof id !== 'string' || !isHttpUrl(id)) return false;
    try {
      return canonicalUrl(id) === canonical || canonicalUrl(pageUrl, id) === canonical;
    } catch {
      return false;
    }
  });
}

/**
 * The JSON-LD node of the page's own article: the only article node, or else the one whose URL is
 * the page's. Null when there is none, or several and none says it is this page (a list of
 * related stories must not lend the page another story's author).
 */
function pageArticle(doc: Document, pageUrl: string, canonical: string): JsonLdNode | null {
  const articles = findPageNodes(doc, ARTICLE_TYPES, MAX_ARTICLE_NODES);
  if (articles.length === 1) return articles[0]!;
  return articles.find((a) => describesPage(a, pageUrl, canonical)) ?? null;
}

const first = <T>(values: Iterable<unknown>, read: (v: unknown) => T | null): T | null => {
  for (const v of values) {
    const got = read(v);
    if (got !== null) return got;
  }
  return null;
};

const day = (value: unknown) => (typeof value === 'string' ? isoDate(value) : null);

/**
 * The source of `doc`, whose address is `pageUrl` (the content script passes `location.href`).
 * Throws a TypeError when `pageUrl` is not http(s), as `canonicalUrl` does.
 */
export function readPageSource(doc: Document, pageUrl: string = doc.URL): PageSource {
  const link = doc.querySelector('link[rel~="canonical"]')?.getAttribute('href');
  const url = canonicalUrl(pageUrl, link);
  const meta = readMeta(doc);
  const article = pageArticle(doc, pageUrl, url);
  const host = new URL(url).hostname.replace(/^www\./, '');
  return {
    url,
    outlet: clean(meta.get('og:site_name'), MAX_PAGE_NAME) ?? host,
    title: clean(meta.get('og:title'), MAX_PAGE_TITLE) ?? clean(doc.title, MAX_PAGE_TITLE) ?? url.slice(0, MAX_PAGE_TITLE),
    author: jsonLdAuthors(article?.author) ?? first(AUTHOR_META.map((k) => meta.get(k)), authorName),
    published: day(article?.datePublished) ?? first(DATE_META.map((k) => meta.get(k)), day),
  };
}
