// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findClaimReviews, pageClaimReviews, readJsonLd } from '@/lib/claims/page-jsonld';
import { readPageSource } from '@/lib/claims/page-source';
import { PageSourceSchema } from '@/lib/claims/page-source-schema';
import { parseClaimReviews } from '@/lib/factchecks/parse';
import { claimReviewFixture } from '../factchecks/claim-review-fixtures';

/** A document from HTML: head and body as given. */
function page(head: string, body = '<p>Text.</p>'): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, 'text/html');
}
const jsonLd = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
const URL_SEEN = 'https://www.ledger.example/world/2026/11/17/bridge-closed?utm_source=feed&id=7#comments';

describe('readPageSource', () => {
  it('reads outlet, canonical URL, title, author and day from og tags and an article in @graph', () => {
    const doc = page(`
      <title>Bridge closed | The Ledger</title>
      <meta property="og:site_name" content=" The  Ledger ">
      <meta property="og:title" content="Harbour bridge closed after crack found">
      <link rel="canonical" href="/world/2026/11/17/bridge-closed?id=7&utm_medium=x">
      ${jsonLd({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebSite', name: 'The Ledger' },
          { '@type': 'NewsArticle', headline: 'Harbour bridge closed', datePublished: '2026-11-17T06:45:00+01:00',
            author: [{ '@type': 'Person', name: 'Ama Mensah' }, { '@type': 'Person', name: 'Li Wei' }] },
        ],
      })}`);
    const source = readPageSource(doc, URL_SEEN);
    expect(source).toEqual({
      url: 'https://www.ledger.example/world/2026/11/17/bridge-closed?id=7',
      outlet: 'The Ledger',
      title: 'Harbour bridge closed after crack found',
      author: 'Ama Mensah, Li Wei',
      published: '2026-11-17',
    });
    expect(PageSourceSchema.parse(source)).toEqual(source);
  });

  it('falls back to the host, the document title, and null author and day: never guessed', () => {
    const doc = page('<title> Bridge shut </title>', '<p>By Someone, Tuesday 17 November 2026</p>');
    expect(readPageSource(doc, 'https://www.gazette.example/a?fbclid=1')).toEqual({
      url: 'https://www.gazette.example/a',
      outlet: 'gazette.example',
      title: 'Bridge shut',
      author: null,
      published: null,
    });
  });

  it('reads the author and day from meta tags in order, skipping profile URLs and dates that are not ISO', () => {
    const doc = page(`
      <meta property="article:author" content="https://social.example.com/jane.doe">
      <meta name="byl" content="By Jane Doe">
      <meta name="date" content="17/11/2026">
      <meta name="DC.date" content="2026-11-16">`);
    const source = readPageSource(doc, URL_SEEN);
    expect(source.author).toBe('Jane Doe');
    expect(source.published).toBe('2026-11-16');
    expect(readPageSource(page('<meta itemprop="datePublished" content="2026-11-15T23:59:00-08:00">'), URL_SEEN).published).toBe('2026-11-15');
    expect(readPageSource(page('<meta property="article:author" content="https://social.example.com/x">'), URL_SEEN).author).toBeNull();
  });

  it('prefers the article JSON-LD to meta tags', () => {
    const doc = page(`
      <meta name="author" content="Ledger Staff">
      <meta property="article:published_time" content="2026-11-18T10:00:00Z">
      ${jsonLd({ '@type': ['ReportageNewsArticle'], author: 'Ama Mensah', datePublished: '2026-11-17' })}`);
    expect(readPageSource(doc, URL_SEEN)).toMatchObject({ author: 'Ama Mensah', published: '2026-11-17' });
  });

  it('takes no author from several articles unless one says it is this page', () => {
    const related = (name: string, url: string) => ({ '@type': 'NewsArticle', url, author: { name }, datePublished: '2026-01-01' });
    const list = { '@type': 'ItemList', itemListElement: [related('Other One', 'https://www.ledger.example/x'), related('Other Two', 'https://www.ledger.example/y')] };
    const doc = page(`<meta name="author" content="Meta Author">${jsonLd(list)}`);
    expect(readPageSource(doc, URL_SEEN)).toMatchObject({ author: 'Meta Author', published: null });

    const own = { '@type': 'Article', author: { name: 'Ama Mensah' }, mainEntityOfPage: { '@id': 'https://www.ledger.example/world/2026/11/17/bridge-closed?id=7' } };
    const doc2 = page(jsonLd([list, own]));
    expect(readPageSource(doc2, URL_SEEN).author).toBe('Ama Mensah');
  });

  it('ignores a canonical link to another site', () => {
    const doc = page('<link rel="canonical" href="https://evil.example/steal">');
    expect(readPageSource(doc, 'https://news.example/story').url).toBe('https://news.example/story');
  });

  it('survives hostile pages: broken and huge JSON-LD, huge meta values, and still fits the schema', () => {
    const huge = 'x'.repeat(10 * 1024 * 1024);
    const doc = page(`
      <meta property="og:site_name" content="${huge}">
      <meta name="author" content="${huge}">
      <meta property="og:title" content="${'t'.repeat(600)}">
      <script type="application/ld+json">{ broken</script>
      <script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', author: huge })}</script>
      <script type="Application/LD+JSON; charset=utf-8">${JSON.stringify({ '@type': 'NewsArticle', author: { name: ['not', 'a', 'string'] }, datePublished: 20261117 })}</script>`);
    const source = readPageSource(doc, 'https://news.example/story');
    expect(source).toEqual({ url: 'https://news.example/story', outlet: 'news.example', title: 'https://news.example/story', author: null, published: null });
    expect(PageSourceSchema.safeParse(source).success).toBe(true);
  });

  it('refuses a page that is not on the web', () => {
    expect(() => readPageSource(page(''), 'file:///home/me/page.html')).toThrow(TypeError);
  });
});

describe('readJsonLd and findClaimReviews', () => {
  it('reads each block on its own and skips the broken ones', () => {
    const doc = page(`${jsonLd({ a: 1 })}<script type="application/ld+json">nope</script>${jsonLd([2])}<script>var x = 1</script>`);
    expect(readJsonLd(doc)).toEqual([{ a: 1 }, [2]]);
  });

  it("finds a fact-check page's ClaimReviews, which the parser then reads", () => {
    const doc = page(jsonLd(claimReviewFixture('factcheck-org-like.json')), `<article>${jsonLd(claimReviewFixture('politifact-like.json'))}</article>`);
    const nodes = findClaimReviews(doc);
    expect(nodes).toHaveLength(3);
    const { items, problems } = parseClaimReviews(structuredClone(nodes));
    expect(problems).toEqual([]);
    expect(items.map((i) => i.verdict)).toEqual(['misleading', 'misleading', 'false']);
  });

  it('hands on at most 50 ClaimReviews from one page, and none from a page without', () => {
    const many = Array.from({ length: 80 }, (_, i) => ({ '@type': 'ClaimReview', claimReviewed: `claim ${i}` }));
    expect(findClaimReviews(page(jsonLd(many)))).toHaveLength(50);
    expect(findClaimReviews(page(jsonLd({ '@type': 'NewsArticle' })))).toEqual([]);
  });

  it("gives the popup the page's reviews with its canonical URL, or null for a page off the web", () => {
    const doc = page(`<link rel="canonical" href="/checks/bridge?utm_source=x">${jsonLd(claimReviewFixture('politifact-like.json'))}`);
    const offered = pageClaimReviews(doc, 'https://meter.example.org/checks/bridge?fbclid=1#top');
    expect(offered.url).toBe('https://meter.example.org/checks/bridge');
    expect(offered.reviews).toHaveLength(1);
    expect(pageClaimReviews(doc, 'file:///tmp/page.html')).toEqual({ url: null, reviews: offered.reviews });
  });
});
