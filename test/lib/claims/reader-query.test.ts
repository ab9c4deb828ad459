import { describe, expect, it } from 'vitest';
import { claimRow } from '@/lib/claims/reader-db';
import { collectFactChecks } from '@/lib/claims/reader-factchecks';
import { queryFactChecks, queryTrackedClaims } from '@/lib/claims/reader-query';
import { TrackedClaimSchema } from '@/lib/claims/reader-schema';
import { deleteTrackedClaim, trackClaim } from '@/lib/claims/reader-store';
import { parseClaimReviews } from '@/lib/factchecks/parse';
import { claimReviewFixture } from '../factchecks/claim-review-fixtures';
import { claimDraft } from './reader-fixtures';
import { useReaderDb } from './reader-test-db';

const t = useReaderDb();

/** Tracks claims with these statements, one millisecond apart, oldest first. */
async function track(...statements: string[]) {
  const out = [];
  for (const statement of statements) {
    t.clock++;
    out.push(await trackClaim(t.db, claimDraft({ statement }), t.ctx));
  }
  return out;
}

/** Stores many claims at once, as an import does: by default all written in the same millisecond. */
async function bulk(count: number, statement: (i: number) => string, modified: (i: number) => number = () => 100, quote?: string) {
  const [base] = await track('template');
  const claims = Array.from({ length: count }, (_, i) =>
    TrackedClaimSchema.parse({
      ...base,
      id: crypto.randomUUID(),
      statement: statement(i),
      modified: modified(i),
      quote: quote ? { ...base!.quote, exact: quote } : base!.quote,
    }),
  );
  await t.db.claims.bulkAdd(claims.map(claimRow));
  return claims;
}

describe('queryTrackedClaims: listing', () => {
  it('lists live claims newest edit first, a page at a time, without skipping claims edited in the same millisecond', async () => {
    const claims = await bulk(25, (i) => `Claim number ${i}`);
    const seen: string[] = [];
    let after: { modified: number; id: string } | undefined;
    for (;;) {
      const page = await queryTrackedClaims(t.db, { limit: 10, after });
      if (page.length === 0) break;
      seen.push(...page.map((c) => c.id));
      const last = page.at(-1)!;
      after = { modified: last.modified, id: last.id };
    }
    expect(seen).toHaveLength(26);
    expect(new Set(seen)).toEqual(new Set([...claims.map((c) => c.id), ...(await t.db.claims.toArray()).map((c) => c.id)]));
  });

  it('leaves deleted claims out', async () => {
    const [a, b] = await track('First claim', 'Second claim');
    await deleteTrackedClaim(t.db, a!.id, t.ctx);
    expect((await queryTrackedClaims(t.db)).map((c) => c.id)).toEqual([b!.id]);
  });
});

describe('queryTrackedClaims: search', () => {
  it('finds by word prefixes of the statement, in any case and accents, newest first', async () => {
    const [bridge, zelensky, troops] = await track(
      'The harbour bridge reopened',
      'Zelenskyy met the mayor',
      'Russian troops landed in Caracas',
    );
    const ids = async (text: string) => (await queryTrackedClaims(t.db, { text })).map((c) => c.id);
    expect(await ids('ZELENSK')).toEqual([zelensky!.id]);
    expect(await ids('cara russ')).toEqual([troops!.id]);
    expect(await ids('the')).toEqual([zelensky!.id, bridge!.id]);
    expect(await ids('inspectors')).toEqual([]); // in every quote, but quotes are not searched
    expect(await ids('harbour reopened')).toEqual([bridge!.id]);
    expect(await ids('harbour nowhere')).toEqual([]);
    const [accented] = await track('São Paulo mayor resigns');
    expect(await ids('sao')).toEqual([accented!.id]);
  });

  it('refuses a malformed query', async () => {
    await expect(queryTrackedClaims(t.db, { limit: -1 })).rejects.toThrow(/limit/);
  });
});

describe('queryFactChecks', () => {
  it('searches the claim, the fact-checker and the claimant', async () => {
    await collectFactChecks(t.db, parseClaimReviews(claimReviewFixture('afp-like-feed.json')).items, t.ctx);
    await collectFactChecks(t.db, parseClaimReviews(claimReviewFixture('google-example-shape.json')).items, t.ctx);
    expect(await queryFactChecks(t.db)).toHaveLength(4);
    expect((await queryFactChecks(t.db, { text: 'cheese' })).map((f) => f.factChecker.name)).toEqual(['Example.com science watch']);
    expect((await queryFactChecks(t.db, { text: 'dairy' })).map((f) => f.claimant?.name)).toEqual(['Dairy Engineering Society']);
    expect((await queryFactChecks(t.db, { text: 'factual ejemplo' })).map((f) => f.claimReviewed)).toEqual([
      'El puente de Eastport cerrará durante diez años.',
    ]);
  });
});
