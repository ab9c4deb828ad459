import { describe, expect, it } from 'vitest';
import { addOfferedFactChecks, offerFactChecks } from '@/lib/claims/factcheck-offer';
import { queryFactChecks } from '@/lib/claims/reader-query';
import { claimReviewFixture } from '../factchecks/claim-review-fixtures';
import { useReaderDb } from './reader-test-db';

const t = useReaderDb();
const PAGE = 'https://meter.example.org/checks/bridge';

describe('offerFactChecks', () => {
  it("offers a page's reviews as new, then as added once collected, and a revised verdict as a change", async () => {
    const review = claimReviewFixture('politifact-like.json');
    const first = await offerFactChecks(t.db, [review], PAGE);
    expect(first.problems).toEqual([]);
    expect(first.items.map((i) => [i.status, i.factCheck.verdict, i.factCheck.claimReviewed])).toEqual([
      ['new', 'false', 'The Eastport harbour bridge was sold to a foreign company last week.'],
    ]);
    expect(await addOfferedFactChecks(t.db, first.items, t.ctx)).toMatchObject({ added: 1 });

    const again = await offerFactChecks(t.db, [review], PAGE);
    expect(again.items.map((i) => i.status)).toEqual(['added']);
    expect(await addOfferedFactChecks(t.db, again.items, t.ctx)).toMatchObject({ added: 0, updated: 0, total: 0 });

    review.reviewRating.alternateName = 'Mostly False';
    review.reviewRating.ratingValue = 2;
    const revised = await offerFactChecks(t.db, [review], PAGE);
    expect(revised.items.map((i) => [i.status, i.factCheck.verdict])).toEqual([['changed', 'misleading']]);
    expect(await addOfferedFactChecks(t.db, revised.items, t.ctx)).toMatchObject({ updated: 1 });
    expect((await queryFactChecks(t.db)).map((f) => f.verdict)).toEqual(['misleading']);
  });

  it("gives a review without a url the page's address, and names one that has neither", async () => {
    const review = { ...claimReviewFixture('politifact-like.json'), url: undefined };
    const onPage = await offerFactChecks(t.db, [review], PAGE);
    expect(onPage.items.map((i) => i.factCheck.url)).toEqual([PAGE]);
    const nowhere = await offerFactChecks(t.db, [review], null);
    expect(nowhere.items).toEqual([]);
    expect(nowhere.problems).toEqual(['“The Eastport harbour bridge was sold to a foreign company last week.”: no url, and the page has none to stand for it']);
  });

  it('names a malformed review and still offers the good ones; offers the same review once', async () => {
    const good = claimReviewFixture('politifact-like.json');
    const bad = { ...claimReviewFixture('politifact-like.json'), url: 'javascript:alert(1)', claimReviewed: 'Another claim.' };
    const offer = await offerFactChecks(t.db, [good, bad, good], PAGE);
    expect(offer.items).toHaveLength(1);
    expect(offer.problems).toHaveLength(1);
    expect(offer.problems[0]).toMatch(/^item 2 \(javascript:alert\(1\)\): url: must be an absolute http\(s\) URL/);
  });

  it('shows a deleted fact-check as new again: collecting it brings it back', async () => {
    const offer = await offerFactChecks(t.db, [claimReviewFixture('politifact-like.json')], PAGE);
    await addOfferedFactChecks(t.db, offer.items, t.ctx);
    await t.db.factChecks.update(offer.items[0]!.id, { deleted: true, live: 0 });
    expect((await offerFactChecks(t.db, [claimReviewFixture('politifact-like.json')], PAGE)).items[0]!.status).toBe('new');
  });
});
