import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toClaimDatabase } from '@/lib/claims/reader-database';
import { ClaimImportError, importClaimsFile } from '@/lib/claims/reader-import';
import { CLAIM_REVIEWS } from '../factchecks/claim-review-fixtures';
import { BRIDGE_PACK, PACKS } from './claim-fixtures';
import { useReaderDb } from './reader-test-db';

const t = useReaderDb();
const text = (path: string) => readFileSync(path, 'utf8');
const review = (name: string) => text(join(CLAIM_REVIEWS, name));

/** Everything in the store, to check that a refused or repeated import changed nothing. */
const snapshot = async () => ({ factChecks: await t.db.factChecks.toArray(), packs: await t.db.packs.toArray() });

describe('importClaimsFile: ClaimReview files', () => {
  it.each([
    ['afp-like-feed.json', 3],
    ['fullfact-like.json', 2],
    ['google-example-shape.json', 1],
    ['politifact-like.json', 1],
    ['factcheck-org-like.json', 2],
    ['rating-arrays.json', 3],
  ])('imports %s (%i fact-checks), and importing it twice changes nothing', async (name, count) => {
    expect(await importClaimsFile(t.db, review(name), t.ctx, name)).toEqual({ kind: 'fact-checks', added: count, updated: 0, unchanged: 0, total: count });
    const before = await snapshot();
    t.clock = 9_000;
    expect(await importClaimsFile(t.db, review(name), t.ctx, name)).toEqual({ kind: 'fact-checks', added: 0, updated: 0, unchanged: count, total: count });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a file with bad items, naming them, and writes nothing', async () => {
    await importClaimsFile(t.db, review('afp-like-feed.json'), t.ctx);
    const before = await snapshot();
    const error = await importClaimsFile(t.db, review('malformed.json'), t.ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClaimImportError);
    const message = (error as Error).message;
    expect(message).toMatch(/^Nothing was imported\. item 2 \(https:\/\/desk\.example\.org\/checks\/no-claim\): claimReviewed: missing/);
    expect(message).toContain('item 3 (javascript:alert(document.cookie)): url: must be an absolute http(s) URL');
    expect(message).toMatch(/ …and 1 more$/);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses fact-checks without the address of their review', async () => {
    await expect(importClaimsFile(t.db, review('missing-fields.json'), t.ctx)).rejects.toThrow(
      'Nothing was imported. item 1 has no url: a fact-check needs the address of its review',
    );
    expect(await t.db.factChecks.count()).toBe(0);
  });

  it('refuses what is not JSON, or holds neither ClaimReview nor a claim pack', async () => {
    await expect(importClaimsFile(t.db, '{ "@type": "ClaimReview", ', t.ctx, 'feed.json')).rejects.toThrow(/^Nothing was imported\. feed\.json is not JSON: /);
    await expect(importClaimsFile(t.db, '{ "@type": "NewsArticle" }', t.ctx)).rejects.toThrow(/neither a file of schema\.org ClaimReview items nor a claim pack/);
    await expect(importClaimsFile(t.db, [], t.ctx)).rejects.toThrow(ClaimImportError);
    expect(await snapshot()).toEqual({ factChecks: [], packs: [] });
  });

  it('imports a feed larger than a page would hand on', async () => {
    const items = Array.from({ length: 1_500 }, (_, i) => ({
      '@type': 'DataFeedItem',
      item: { '@type': 'ClaimReview', url: `https://desk.example.org/checks/${i}`, claimReviewed: `Claim ${i}`, reviewRating: { alternateName: 'False' } },
    }));
    const feed = { '@context': 'https://schema.org', '@type': 'DataFeed', dataFeedElement: items };
    const progress: unknown[] = [];
    expect(await importClaimsFile(t.db, JSON.stringify(feed), t.ctx, 'feed.json', (p) => progress.push(p))).toMatchObject({ added: 1_500 });
    expect(progress).toEqual([{ phase: 'checking', done: 1_500, total: 1_500 }, { phase: 'writing', done: 1_500, total: 1_500 }]);
  });

  it('reports its progress in slices, writing within one transaction: a write that fails part way leaves nothing', async () => {
    const feed = Array.from({ length: 4_500 }, (_, i) => ({ '@type': 'ClaimReview', url: `https://desk.example.org/checks/${i}`, claimReviewed: `Claim ${i}`, reviewRating: { alternateName: 'False' } }));
    const progress: string[] = [];
    await expect(
      importClaimsFile(t.db, feed, t.ctx, 'feed.json', (p) => {
        progress.push(`${p.phase} ${p.done}/${p.total}`);
        if (p.phase === 'writing' && p.done === 4_000) throw new Error('the disk is full');
      }),
    ).rejects.toThrow('Nothing was imported. the disk is full');
    expect(progress).toEqual(['checking 2000/4500', 'checking 4000/4500', 'checking 4500/4500', 'writing 2000/4500', 'writing 4000/4500']);
    expect(await t.db.factChecks.count()).toBe(0);
  });
});

describe('importClaimsFile: claim packs', () => {
  it('imports a pack whole, once, and adds its claims to the reader database', async () => {
    expect(await importClaimsFile(t.db, text(BRIDGE_PACK), t.ctx, 'pack.json')).toEqual({ kind: 'claim pack', added: 1, updated: 0, unchanged: 0, total: 1 });
    const before = await snapshot();
    expect(await importClaimsFile(t.db, text(BRIDGE_PACK), t.ctx, 'pack.json')).toEqual({ kind: 'claim pack', added: 0, updated: 0, unchanged: 1, total: 1 });
    expect(await snapshot()).toEqual(before);
    expect(before.packs[0]).toMatchObject({ label: 'pack.json', imported: 1_000 });
    const d = await toClaimDatabase(t.db);
    expect(d.claims.map((c) => c.id.replace(/^reader-pack-[0-9a-f]{16}-/, ''))).toEqual(['bridge-closed-monday', 'bridge-shut-tuesday', 'bridge-closed-until-safe']);
  });

  it('refuses a pack with a dangling reference or a schema error, naming the entry and field', async () => {
    await expect(importClaimsFile(t.db, text(join(PACKS, 'bad-reference.json')), t.ctx, 'bad-reference.json')).rejects.toThrow(
      /Nothing was imported\. Invalid bad-reference\.json: .*\n.*assertions\[1\] \(id "bridge-shut-tuesday-gazette"\)\.claimId: no claim "bridge-reopened"/,
    );
    await expect(importClaimsFile(t.db, text(join(PACKS, 'bad-schema.json')), t.ctx)).rejects.toThrow(/claims\[2\] \(id "bridge-closed-until-safe"\)\.type/);
    await expect(importClaimsFile(t.db, text(join(PACKS, 'not-json.json')), t.ctx)).rejects.toThrow(/is not JSON/);
    expect(await t.db.packs.count()).toBe(0);
  });
});
