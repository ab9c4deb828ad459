import { describe, expect, it } from 'vitest';
import { describeProblem, parseClaimReviews, parseClaimReviewsInSlices } from '@/lib/factchecks/parse';
import { FactCheckSchema } from '@/lib/factchecks/schema';
import { claimReviewFixture } from './claim-review-fixtures';

describe('parseClaimReviews: fact-checkers’ shapes', () => {
  it('reads a PolitiFact-like item: a fact-checker named only by its URL, a six-step scale', () => {
    const { items, problems } = parseClaimReviews(claimReviewFixture('politifact-like.json'));
    expect(problems).toEqual([]);
    expect(items).toEqual([
      {
        claimReviewed: 'The Eastport harbour bridge was sold to a foreign company last week.',
        verdict: 'false',
        ratings: [{ label: 'Pants on Fire!', value: 1, best: 6, worst: 1 }],
        claimant: { name: 'Viral image', url: 'https://meter.example.org/personalities/viral-image/' },
        claimDate: '2026-11-16',
        appearances: [],
        factChecker: { name: null, url: 'https://meter.example.org/' },
        url: 'https://meter.example.org/factchecks/2026/nov/18/viral-image/no-eastport-bridge-was-not-sold/',
        datePublished: '2026-11-18',
      },
    ]);
  });

  it('reads a FactCheck.org-like page graph: one review nested in an article, one in the @graph', () => {
    const { items, problems } = parseClaimReviews(claimReviewFixture('factcheck-org-like.json'));
    expect(problems).toEqual([]);
    expect(items.map((i) => [i.claimReviewed, i.verdict])).toEqual([
      ['Inspectors found a 3-metre crack in the Eastport bridge.', 'misleading'],
      ['The bridge will be closed for two years.', 'misleading'],
    ]);
    const [first] = items;
    expect(first!.ratings).toEqual([{ label: 'Distorts the Facts', value: -1, best: -1, worst: -1 }]);
    expect(first!.claimant).toEqual({ name: 'Eastport Residents for Truth', url: null });
    expect(first!.appearances).toEqual(['https://social.example.net/posts/88311', 'https://video.example.net/watch?v=abc123']);
    expect(first!.datePublished).toBe('2026-11-19');
    expect(first!.factChecker).toEqual({ name: 'CheckDesk', url: 'https://checkdesk.example.com/' });
  });

  it('reads a Full Fact-like array: verdicts written as sentences, firstAppearance', () => {
    const { items, problems } = parseClaimReviews(claimReviewFixture('fullfact-like.json'));
    expect(problems).toEqual([]);
    expect(items.map((i) => i.verdict)).toEqual(['false', 'true']);
    expect(items[0]!.ratings[0]!.label).toMatch(/^Incorrect\. Traffic rose/);
    expect(items[0]!.appearances).toEqual(['https://radio.example.co.uk/programmes/morning-2026-11-16']);
    expect(items[0]!.claimant).toEqual({ name: 'Dana Okafor', url: null });
  });

  it('reads an AFP-like DataFeed: items alone or in arrays, authors in arrays, several languages', () => {
    const { items, problems, found } = parseClaimReviews(claimReviewFixture('afp-like-feed.json'));
    expect(problems).toEqual([]);
    expect(found).toBe(3);
    expect(items.map((i) => [i.factChecker.name, i.verdict])).toEqual([
      ['Factuel (exemple)', 'false'],
      ['Factual (example)', 'misleading'],
      ['Factual (ejemplo)', 'misleading'],
    ]);
  });

  it("reads Google's documented example shape: numeric strings, sameAs as a string, one appearance", () => {
    const { items, problems } = parseClaimReviews(claimReviewFixture('google-example-shape.json'));
    expect(problems).toEqual([]);
    expect(items[0]).toMatchObject({
      verdict: 'false',
      ratings: [{ label: 'False', value: 1, best: 5, worst: 1 }],
      claimant: { name: 'Dairy Engineering Society', url: 'https://example.dairyengineers.com/our-bridges-are-cheese' },
      claimDate: '2026-06-20',
      appearances: ['https://example.com/news/a122121'],
      factChecker: { name: 'Example.com science watch', url: null },
      datePublished: null,
    });
  });

  it('gives items that pass the FactCheck schema', () => {
    for (const name of ['politifact-like.json', 'factcheck-org-like.json', 'fullfact-like.json', 'afp-like-feed.json']) {
      for (const item of parseClaimReviews(claimReviewFixture(name)).items) expect(FactCheckSchema.parse(item)).toEqual(item);
    }
  });
});

describe('parseClaimReviews: missing fields and arrays of ratings', () => {
  it('keeps items with missing or blank fields, as null, never guessed', () => {
    const { items, problems } = parseClaimReviews(claimReviewFixture('missing-fields.json'));
    expect(problems).toEqual([]);
    expect(items[0]).toMatchObject({ url: null, factChecker: { name: null, url: null }, claimant: null, verdict: 'true' });
    expect(items[1]).toMatchObject({ factChecker: { name: 'Harbour Checkers', url: null }, ratings: [], verdict: 'unrated' });
    expect(items[2]).toMatchObject({
      claimReviewed: 'The toll will rise in January.',
      datePublished: null,
      factChecker: { name: null, url: null },
      ratings: [{ label: null, value: null, best: null, worst: null }],
      claimant: null,
      appearances: [],
    });
    expect(items[3]).toMatchObject({ claimReviewed: 'The bridge was built by convicts.', verdict: 'unrated' });
  });

  it('keeps every rating and takes the verdict from the first that has one', () => {
    const { items, problems } = parseClaimReviews(claimReviewFixture('rating-arrays.json'));
    expect(problems).toEqual([]);
    expect(items.map((i) => i.verdict)).toEqual(['misleading', 'mixed', 'true']);
    expect(items[0]!.ratings).toEqual([
      { label: 'Not rated', value: null, best: null, worst: null },
      { label: null, value: 2, best: 5, worst: 1 },
    ]);
  });
});

describe('parseClaimReviews: malformed and hostile input', () => {
  it('returns the good items and one problem per bad item, naming it by place and url', () => {
    const { items, problems } = parseClaimReviews(claimReviewFixture('malformed.json'));
    expect(items.map((i) => i.claimReviewed)).toEqual(['The bridge reopened on Friday.']);
    expect(problems.map(describeProblem)).toEqual([
      'item 2 (https://desk.example.org/checks/no-claim): claimReviewed: missing: a fact-check needs the claim it reviewed',
      'item 3 (javascript:alert(document.cookie)): url: must be an absolute http(s) URL',
      'item 4 (https://desk.example.org/checks/bad-rating): reviewRating.ratingValue: Invalid input: expected number, received string',
      'item 5 (https://desk.example.org/checks/bad-dates): datePublished: must be a plausible ISO 8601 date such as 2024-05-01, not "yesterday"; itemReviewed.datePublished: must be a plausible ISO 8601 date such as 2024-05-01, not "0019-03-23"',
      'item 6 (https://desk.example.org/checks/bad-appearance): itemReviewed.appearance[1]: must be an absolute http(s) URL',
      'item 7 (https://desk.example.org/checks/wrong-types): claimReviewed: Invalid input: expected string, received object; author: Invalid input: expected object, received number',
    ]);
  });

  it('refuses 10 MB strings without cutting them', () => {
    const huge = 'x'.repeat(10 * 1024 * 1024);
    const { items, problems } = parseClaimReviews([
      { '@type': 'ClaimReview', claimReviewed: huge },
      { '@type': 'ClaimReview', claimReviewed: 'ok', url: `https://e.example/${huge}` },
      { '@type': 'ClaimReview', claimReviewed: 'ok', reviewRating: { alternateName: huge, ratingValue: huge } },
      { '@type': 'ClaimReview', claimReviewed: 'ok', datePublished: huge },
    ]);
    expect(items).toEqual([]);
    expect(problems.map((p) => p.message)).toEqual([
      'claimReviewed: must be at most 2000 characters',
      'url: must be a URL of at most 2048 characters',
      'reviewRating.alternateName: must be at most 300 characters; reviewRating.ratingValue: Invalid input: expected number, received string',
      'datePublished: must be a plausible ISO 8601 date such as 2024-05-01, not "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"',
    ]);
    expect(problems[1]!.url).toHaveLength(200);
  });

  it('refuses over-long lists without reading them all', () => {
    const ratings = Array.from({ length: 1_000_000 }, () => ({ alternateName: 'False' }));
    const { problems } = parseClaimReviews({ '@type': 'ClaimReview', claimReviewed: 'c', reviewRating: ratings });
    expect(problems.map((p) => p.message)).toEqual(['reviewRating: must list at most 20 ratings']);
  });

  it('survives deeply nested objects inside and around an item', () => {
    let deep: any = { leaf: true };
    for (let i = 0; i < 200_000; i++) deep = { a: deep };
    const inside = { '@type': 'ClaimReview', claimReviewed: 'nested', author: { name: 'N', extra: deep }, itemReviewed: { author: { name: 'M', deep } } };
    const { items, problems } = parseClaimReviews([inside, deep]);
    expect(items.map((i) => i.claimReviewed)).toEqual(['nested']);
    expect(problems.map(describeProblem)).toEqual(['Stopped reading the JSON-LD: nested deeper than 32 levels']);
  });

  it('never throws, whatever it is given', () => {
    for (const value of [undefined, null, 42, 'ClaimReview', [], {}, { '@type': 'ClaimReview' }, [{ '@type': 'ClaimReview', reviewRating: [null] }]]) {
      expect(() => parseClaimReviews(value)).not.toThrow();
    }
    expect(parseClaimReviews({ '@type': 'NewsArticle' })).toEqual({ items: [], problems: [], found: 0 });
  });
});

describe('parseClaimReviewsInSlices', () => {
  const limits = { maxDepth: 32, maxVisited: 1_000_000, maxFound: 10_000 };
  it.each(['afp-like-feed.json', 'malformed.json', 'missing-fields.json', 'rating-arrays.json'])('reads %s as parseClaimReviews does', async (name) => {
    expect(await parseClaimReviewsInSlices(claimReviewFixture(name), limits)).toEqual(parseClaimReviews(claimReviewFixture(name), limits));
  });

  it('reads a big feed a slice at a time, saying how far it is, with the problems in place', async () => {
    const feed = Array.from({ length: 4_100 }, (_, i) => ({ '@type': 'ClaimReview', url: `https://desk.example.org/${i}`, claimReviewed: i === 3_000 ? '' : `Claim ${i}` }));
    const progress: number[] = [];
    const read = await parseClaimReviewsInSlices(feed, limits, (done, total) => progress.push(done / total));
    expect(progress).toEqual([2_000 / 4_100, 4_000 / 4_100, 1]);
    expect(read.items).toHaveLength(4_099);
    expect(read.problems.map(describeProblem)).toEqual([expect.stringMatching(/^item 3001 \(https:\/\/desk\.example\.org\/3000\): claimReviewed: /)]);
  });
});
