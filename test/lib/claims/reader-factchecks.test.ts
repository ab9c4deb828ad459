import { describe, expect, it } from 'vitest';
import { factCheckId } from '@/lib/claims/reader-ids';
import {
  collectFactCheck,
  collectFactChecks,
  deleteFactCheck,
  getFactCheck,
  undoDeleteFactCheck,
} from '@/lib/claims/reader-factchecks';
import { parseClaimReviews } from '@/lib/factchecks/parse';
import type { FactCheck } from '@/lib/factchecks/schema';
import { claimReviewFixture } from '../factchecks/claim-review-fixtures';
import { useReaderDb } from './reader-test-db';

const t = useReaderDb();
const itemsOf = (name: string): FactCheck[] => parseClaimReviews(claimReviewFixture(name)).items;

describe('collectFactChecks', () => {
  it('stores each fact-check under an id from its review URL and claim, and collecting again changes nothing', async () => {
    const items = itemsOf('afp-like-feed.json');
    expect(await collectFactChecks(t.db, items, t.ctx)).toEqual({ added: 3, updated: 0, unchanged: 0, total: 3 });
    const before = await t.db.factChecks.toArray();
    t.clock = 5_000;
    expect(await collectFactChecks(t.db, itemsOf('afp-like-feed.json'), t.ctx)).toEqual({ added: 0, updated: 0, unchanged: 3, total: 3 });
    expect(await t.db.factChecks.toArray()).toEqual(before);
    const stored = await getFactCheck(t.db, factCheckId(items[0]!.url!, items[0]!.claimReviewed));
    expect(stored).toMatchObject({ ...items[0], collected: 1_000, modified: 1_000, deleted: false });
  });

  it('replaces a fact-check whose verdict the fact-checker revised, keeping when it was first collected', async () => {
    const [item] = itemsOf('google-example-shape.json');
    await collectFactChecks(t.db, [item!], t.ctx);
    t.clock = 2_000;
    const revised = { ...item!, verdict: 'misleading' as const, ratings: [{ label: 'Misleading', value: null, best: null, worst: null }] };
    expect(await collectFactChecks(t.db, [revised], t.ctx)).toMatchObject({ updated: 1 });
    expect(await getFactCheck(t.db, factCheckId(item!.url!, item!.claimReviewed))).toMatchObject({ verdict: 'misleading', collected: 1_000, modified: 2_000 });
  });

  it('counts the same review twice in one file once', async () => {
    const [item] = itemsOf('google-example-shape.json');
    expect(await collectFactChecks(t.db, [item!, { ...item!, claimReviewed: ' the EASTPORT bridge is made of  cheese ' }], t.ctx)).toEqual({
      added: 1, updated: 0, unchanged: 1, total: 2,
    });
  });

  it('refuses, naming it, a fact-check without a URL unless the page gives one, and writes nothing', async () => {
    const items = itemsOf('missing-fields.json');
    await expect(collectFactChecks(t.db, items, t.ctx)).rejects.toThrow('item 1 has no url: a fact-check needs the address of its review');
    expect(await t.db.factChecks.count()).toBe(0);
    const page = 'https://desk.example.org/checks/page';
    expect(await collectFactChecks(t.db, items, t.ctx, page)).toMatchObject({ added: 4 });
    expect(await getFactCheck(t.db, factCheckId(page, items[0]!.claimReviewed))).toMatchObject({ url: page });
  });
});

describe('one fact-check from a page', () => {
  it('validates what the page sent, and refuses hostile values', async () => {
    const [item] = itemsOf('politifact-like.json');
    const stored = await collectFactCheck(t.db, { factCheck: item }, t.ctx);
    expect(stored).toMatchObject({ claimReviewed: item!.claimReviewed, verdict: 'false' });
    await expect(collectFactCheck(t.db, { factCheck: { ...item, url: 'javascript:alert(1)' } }, t.ctx)).rejects.toThrow(/factCheck\.url/);
    await expect(collectFactCheck(t.db, { factCheck: { ...item, verdict: 'pants' } }, t.ctx)).rejects.toThrow(/factCheck\.verdict/);
    await expect(collectFactCheck(t.db, { factCheck: { ...item, url: null }, pageUrl: 'data:text/html,x' }, t.ctx)).rejects.toThrow(/pageUrl/);
  });

  it('deletes with undo, and collecting a deleted one again brings it back', async () => {
    const [item] = itemsOf('politifact-like.json');
    const { id } = await collectFactCheck(t.db, { factCheck: item }, t.ctx);
    t.clock = 2_000;
    expect(await deleteFactCheck(t.db, id, t.ctx)).toMatchObject({ deleted: true, modified: 2_000 });
    expect(await undoDeleteFactCheck(t.db, id, t.ctx)).toMatchObject({ deleted: false, modified: 2_001 });
    await deleteFactCheck(t.db, id, t.ctx);
    expect(await collectFactChecks(t.db, [item!], t.ctx)).toMatchObject({ updated: 1 });
    expect(await getFactCheck(t.db, id)).toMatchObject({ deleted: false });
  });
});
