import { describe, expect, it } from 'vitest';
import { getBundledClaimDatabase } from '@/lib/claims/bundled';
import { validateClaimDatabase } from '@/lib/claims/database';
import { toClaimDatabase, withReaderClaims } from '@/lib/claims/reader-database';
import { collectFactChecks } from '@/lib/claims/reader-factchecks';
import { readerIds } from '@/lib/claims/reader-ids';
import type { ReaderContext } from '@/lib/claims/reader-rows';
import type { ClaimPack } from '@/lib/claims/reader-schema';
import { addSighting, deleteTrackedClaim, trackClaim } from '@/lib/claims/reader-store';
import type { ClaimDatabase } from '@/lib/claims/schema';
import { parseClaimReviews } from '@/lib/factchecks/parse';
import { readLexicon } from '@/lib/cli/lexicon-file';
import { buildClaimIndex, matchText } from '@/lib/matcher';
import { claimReviewFixture } from '../factchecks/claim-review-fixtures';
import { bridgePack } from './claim-fixtures';
import { claimDraft, pageSource, sightingDraft } from './reader-fixtures';
import { useReaderDb } from './reader-test-db';

const t = useReaderDb();
const ctx: ReaderContext = { now: () => t.clock++ };
const byId = <T extends { id: string }>(xs: T[], id: string) => xs.find((x) => x.id === id)!;

/** A store with a tracked claim seen three times, a deleted claim, four fact-checks and a pack. */
async function fill() {
  const fact = { key: 'crack-length-cm', kind: 'number' as const, value: 30, text: '30-centimetre' };
  const claim = await trackClaim(t.db, claimDraft({ facts: [fact], entities: ['Eastport harbour bridge'] }), ctx);
  const agrees = await addSighting(t.db, sightingDraft(claim.id, { stance: 'agrees', page: pageSource({ url: 'https://www.ledger.example/live' }) }), ctx);
  const unknown = await addSighting(t.db, sightingDraft(claim.id, { quote: { type: 'TextQuoteSelector', exact: 'The harbour bridge shut after a 30 cm crack was found.', prefix: '', suffix: '' } }), ctx);
  const differs = [{ aspect: 'number' as const, what: 'crack length', from: '30 cm', to: 'about 20 cm', fact: 'crack-length-cm' }];
  const conflicts = await addSighting(t.db, sightingDraft(claim.id, { stance: 'conflicts', differs }), ctx);
  const gone = await trackClaim(t.db, claimDraft({ statement: 'A claim the reader deleted.' }), ctx);
  await addSighting(t.db, sightingDraft(gone.id), ctx);
  await deleteTrackedClaim(t.db, gone.id, ctx);
  const reviews = [...parseClaimReviews(claimReviewFixture('rating-arrays.json')).items, ...parseClaimReviews(claimReviewFixture('missing-fields.json')).items];
  await collectFactChecks(t.db, reviews, ctx, 'https://desk.example.org/checks/page');
  const pack: ClaimPack = { id: 'a1b2c3d4e5f60718', label: 'pack.json', database: bridgePack().json, imported: 1 };
  await t.db.packs.put(pack);
  return { claim, agrees, unknown, conflicts, gone, pack };
}

describe('toClaimDatabase', () => {
  it('gives a database that passes the schema and the integrity check, alone and with the bundled one', async () => {
    await fill();
    const reader = await toClaimDatabase(t.db);
    expect(() => validateClaimDatabase(reader, { label: 'reader' })).not.toThrow();
    const combined = withReaderClaims(getBundledClaimDatabase(), reader);
    expect(() => validateClaimDatabase(combined, { label: 'combined' })).not.toThrow();
    expect(combined.claims.length).toBe(getBundledClaimDatabase().claims.length + reader.claims.length);
  });

  it('names everything in the reader namespace', async () => {
    await fill();
    const reader = await toClaimDatabase(t.db);
    const ids = (['articles', 'sources', 'claims', 'assertions', 'relations'] as const).flatMap((k) => reader[k].map((e) => e.id));
    expect(ids.length).toBeGreaterThan(30);
    expect(ids.filter((id) => !id.startsWith('reader-'))).toEqual([]);
  });

  it('makes a tracked claim a claim stated by its page, and its sightings assertions or conflicting claims', async () => {
    const { claim, agrees, unknown, conflicts, gone } = await fill();
    const d = await toClaimDatabase(t.db);
    const id = readerIds.claim(claim.id);
    expect(byId(d.claims, id)).toEqual({ id, statement: claim.statement, type: 'reported-fact', entities: ['Eastport harbour bridge'], facts: claim.facts });
    const page = readerIds.page(claim.page.url);
    expect(byId(d.assertions, id)).toMatchObject({ claimId: id, sourceId: page, articleId: page, quote: claim.quote.exact, attribution: [page] });
    expect(byId(d.sources, page)).toEqual({ id: page, name: 'The Ledger', kind: 'news-report', url: claim.page.url, author: 'Ama Mensah', date: '2026-11-17' });
    expect(byId(d.articles, page)).toMatchObject({ sourceId: page, title: claim.page.title, url: claim.page.url, published: '2026-11-17' });

    expect(byId(d.assertions, readerIds.sighting(agrees.id)).claimId).toBe(id);
    expect(byId(d.assertions, readerIds.sighting(unknown.id)).claimId).toBe(id);
    const other = readerIds.sighting(conflicts.id);
    expect(byId(d.claims, other).statement).toBe(conflicts.quote.exact);
    expect(byId(d.relations, other)).toEqual({
      id: other, kind: 'conflicts', from: id, to: other,
      differs: [{ aspect: 'number', what: 'crack length', from: '30 cm', to: 'about 20 cm' }],
    });
    expect(d.claims.some((c) => c.id === readerIds.claim(gone.id))).toBe(false);
    expect(d.assertions.filter((a) => a.claimId === readerIds.claim(gone.id))).toEqual([]);
  });

  it('makes a fact-check a claim by its claimant, and a false, misleading or mixed verdict a conflict the card can show', async () => {
    await fill();
    const d = await toClaimDatabase(t.db);
    const statement = 'The bridge closure cost the town 5 million a day.';
    const reviewed = d.claims.find((c) => c.statement === statement)!;
    expect(reviewed).toMatchObject({ type: 'allegation' });
    const relation = d.relations.find((r) => r.from === reviewed.id)!;
    expect(relation.kind).toBe('conflicts');
    expect(byId(d.claims, relation.to).statement).toBe('Harbour Checkers rated this claim “2 on a scale from 1 to 5”.');
    expect(relation.differs).toEqual([{ aspect: 'detail', what: 'fact-check verdict', from: 'as claimed', to: 'Rated misleading: “2 on a scale from 1 to 5”' }]);
    const verdictAssertion = d.assertions.find((a) => a.claimId === relation.to)!;
    expect(byId(d.sources, verdictAssertion.sourceId)).toMatchObject({ name: 'Harbour Checkers', kind: 'fact-checker', url: 'https://desk.example.org/checks/ratings-1' });

    const claimed = d.assertions.find((a) => a.claimId === reviewed.id)!;
    expect(byId(d.sources, claimed.sourceId)).toMatchObject({ name: 'Unnamed claimant', kind: 'claimant' });
    expect(claimed.attribution).toEqual([verdictAssertion.sourceId, claimed.sourceId]);

    const kindOf = (s: string) => d.relations.find((r) => r.from === d.claims.find((c) => c.statement === s)!.id)?.kind;
    expect(kindOf('Half the town\'s shops closed during the bridge closure.')).toBe('conflicts'); // Half True
    expect(kindOf('Repairs will finish before Christmas.')).toBe('corroborates'); // 9 of 10
    expect(kindOf('The bridge was built by convicts.')).toBeUndefined(); // Unproven: no verdict claim
    expect(d.claims.some((c) => c.statement === 'The bridge was built by convicts.')).toBe(true);
  });

  it('gives one claim to reviews of the same statement by two fact-checkers', async () => {
    const [item] = parseClaimReviews(claimReviewFixture('google-example-shape.json')).items;
    await collectFactChecks(t.db, [item!, { ...item!, url: 'https://other.example/check', claimReviewed: 'The  Eastport bridge is made of CHEESE' }], ctx);
    const d = await toClaimDatabase(t.db);
    expect(d.claims.filter((c) => c.type === 'allegation')).toHaveLength(1);
    expect(d.relations).toHaveLength(2);
    expect(() => validateClaimDatabase(d)).not.toThrow();
  });

  it('keeps an imported pack as it is, in its own namespace', async () => {
    const { pack } = await fill();
    const d = await toClaimDatabase(t.db);
    const id = readerIds.pack(pack.id, 'bridge-closed-monday');
    expect(byId(d.claims, id).statement).toBe(pack.database.claims[0]!.statement);
    expect(d.assertions.filter((a) => a.claimId === id).map((a) => a.sourceId)).toEqual([readerIds.pack(pack.id, 'eastport-council')]);
  });

  it('is empty for an empty store', async () => {
    expect(await toClaimDatabase(t.db)).toEqual({ version: 1, articles: [], sources: [], claims: [], assertions: [], relations: [] });
  });
});

describe('withReaderClaims', () => {
  it('lets the matcher find reader and bundled claims in one index', async () => {
    const { claim, unknown } = await fill();
    const bundled = getBundledClaimDatabase();
    const index = buildClaimIndex(withReaderClaims(bundled, await toClaimDatabase(t.db)), readLexicon());
    const matches = matchText(index, `Officials said ${unknown.quote.exact}`);
    expect(matches.map((m) => m.claimId)).toContain(readerIds.claim(claim.id));
    const bundledQuote = bundled.assertions[0]!;
    expect(matchText(index, bundledQuote.quote).map((m) => m.claimId)).toContain(bundledQuote.claimId);
  });

  it("refuses a bundled database that uses the reader's namespace", () => {
    const bundled: ClaimDatabase = structuredClone(getBundledClaimDatabase());
    bundled.claims[0]!.id = 'reader-claim-x';
    expect(() => withReaderClaims(bundled, bundled)).toThrow(/bundled claims use the reader's id prefix "reader-": reader-claim-x/);
    expect(getBundledClaimDatabase().claims.some((c) => c.id.startsWith('reader-'))).toBe(false);
  });
});
