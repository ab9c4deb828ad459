import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openReaderClaimsDb, type ReaderClaimsDb } from '../../../lib/claims/reader-db';
import { factCheckId } from '../../../lib/claims/reader-ids';
import {
  collectFactCheck,
  collectFactChecks,
  deleteFactCheck,
  getFactCheck,
  undoDeleteFactCheck,
} from '../../../lib/claims/reader-factchecks';
import type { ReaderContext } from '../../../lib/claims/reader-rows';
import { parseClaimReviews } from '../../../lib/factchecks/parse';
import type { FactCheck } from '../../../lib/factchecks/schema';
import { claimReviewFixture } from '../factchecks/claim-review-fixtures';

let db: ReaderClaimsDb;
let clock: number;
const ctx: ReaderContext = { now: () => clock };
const itemsOf = (name: string): FactCheck[] => parseClaimReviews(claimReviewFixture(name)).items;

beforeEach(() => {
  db = openReaderClaimsDb(`test-${crypto.randomUUID()}`);
  clock = 1_000;
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('collectFactChecks', () => {
  it('stores each fact-check under an id from its review URL and claim, and collecting again changes nothing', async () => {
    const items = itemsOf('afp-like-feed.json');
    expect(await collectFactChecks(db, items, ctx)).toEqual({ added: 3, updated: 0, unchanged: 0, total: 3 });
    const before = await db.factChecks.toArray();
    clock = 5_000;
    expect(await collectFactChecks(db, itemsOf('afp-like-feed.json'), ctx)).toEqual({ added: 0, updated: 0, unchanged: 3, total: 3 });
    expect(await db.factChecks.toArray()).toEqual(before);
    const stored = await getFactCheck(db, factCheckId(items[0]!.url!, items[0]!.claimReviewed));
    expect(stored).toMatchObject({ ...items[0], collected: 1_000, modified: 1_000, deleted: false });
  });

  it('replaces a fact-check whose verdict the fact-checker revised, keeping when it was first collected', async () => {
    const [item] = itemsOf('google-example-shape.json');
    await collectFactChecks(db, [item!], ctx);
    clock = 2_000;
    const revised = { ...item!, verdict: 'misleading' as const, ratings: [{ label: 'Misleading', value: null, best: null, worst: null }] };
    expect(await collectFactChecks(db, [revised], ctx)).toMatchObject({ updated: 1 });
    expect(await getFactCheck(db, factCheckId(item!.url!, item!.claimReviewed))).toMatchObject({ verdict: 'misleading', collected: 1_000, modified: 2_000 });
  });

  it('counts the same review twice in one file once', async () => {
    const [item] = itemsOf('google-example-shape.json');
    expect(await collectFactChecks(db, [item!, { ...item!, claimReviewed: ' the EASTPORT bridge is made of  cheese ' }], ctx)).toEqual({
      added: 1, updated: 0, unchanged: 1, total: 2,
    });
  });

  it('refuses, naming it, a fact-check without a URL unless the page gives one, and writes nothing', async () => {
    const items = itemsOf('missing-fields.json');
    await expect(collectFactChecks(db, items, ctx)).rejects.toThrow('item 1 has no url: a fact-check needs the address of its review');
    expect(await db.factChecks.count()).toBe(0);
    const page = 'https://desk.example.org/checks/page';
    expect(await collectFactChecks(db, items, ctx, page)).toMatchObject({ added: 4 });
    expect(await getFactCheck(db, factCheckId(page, items[0]!.claimReviewed))).toMatchObject({ url: page });
  });
});

describe('one fact-check from a page', () => {
  it('validates what the page sent, and refuses hostile values', async () => {
    const [item] = itemsOf('politifact-like.json');
    const stored = await collectFactCheck(db, { factCheck: item }, ctx);
    expect(stored).toMatchObject({ claimReviewed: item!.claimReviewed, verdict: 'false' });
    await expect(collectFactCheck(db, { factCheck: { ...item, url: 'javascript:alert(1)' } }, ctx)).rejects.toThrow(/factCheck\.url/);
    await expect(collectFactCheck(db, { factCheck: { ...item, verdict: 'pants' } }, ctx)).rejects.toThrow(/factCheck\.verdict/);
    await expect(collectFactCheck(db, { factCheck: { ...item, url: null }, pageUrl: 'data:text/html,x' }, ctx)).rejects.toThrow(/pageUrl/);
  });

  it('deletes with undo, and collecting a deleted one again brings it back', async () => {
    const [item] = itemsOf('politifact-like.json');
    const { id } = await collectFactCheck(db, { factCheck: item }, ctx);
    clock = 2_000;
    expect(await deleteFactCheck(db, id, ctx)).toMatchObject({ deleted: true, modified: 2_000 });
    expect(await undoDeleteFactCheck(db, id, ctx)).toMatchObject({ deleted: false, modified: 2_001 });
    await deleteFactCheck(db, id, ctx);
    expect(await collectFactChecks(db, [item!], ctx)).toMatchObject({ updated: 1 });
    expect(await getFactCheck(db, id)).toMatchObject({ deleted: false });
  });
});
