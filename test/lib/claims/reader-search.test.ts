import { describe, expect, it } from 'vitest';
import { byNewest, claimRow } from '@/lib/claims/reader-db';
import { TrackedClaimSchema } from '@/lib/claims/reader-schema';
import { searchRows, type SearchTuning } from '@/lib/claims/reader-search';
import { searchWords } from '@/lib/fold';
import { claimDraft } from './reader-fixtures';
import { useReaderDb } from './reader-test-db';

// The search's thresholds scaled down, so that a few dozen claims take every path that 100,000
// would: rare words read whole, common words walked, common words that rarely meet intersected
// (then few candidates read whole, or many picked from the keys in order).
const SMALL: SearchTuning = { few: 10, walk: 40, firstBatch: 5, many: 10, keyChunk: 4 };

const t = useReaderDb();

/** Claims with these statements, the later the newer, three edited in each millisecond; every fifth deleted when asked. */
async function store(statements: string[], deleteEveryFifth = false) {
  const rows = statements.map((statement, i) =>
    claimRow(
      TrackedClaimSchema.parse({
        ...claimDraft({ statement, quote: { type: 'TextQuoteSelector', exact: 'q', prefix: '', suffix: '' } }),
        id: crypto.randomUUID(),
        created: i,
        modified: Math.floor(i / 3), // ties, as an import writes them
        deleted: deleteEveryFifth && i % 5 === 4,
      }),
    ),
  );
  await t.db.claims.bulkAdd(rows);
}

/** Every live claim with all the words, newest edit first, the first `limit`. */
async function bruteForce(text: string, limit: number): Promise<string[]> {
  const terms = searchWords(text);
  const live = (await t.db.claims.toArray()).filter((c) => c.live === 1 && terms.every((t) => c.words.some((w) => w.startsWith(t))));
  return live.sort(byNewest).slice(0, limit).map((c) => c.id);
}

const search = async (text: string, limit: number, after?: { modified: number; id: string }) =>
  (await searchRows(t.db.claims, searchWords(text), limit, after, SMALL)).map((c) => c.id);

describe('searchRows', () => {
  // 80 claims; the newest 60 say "beta" (one in five also "gamma"), then 12 say "alpha beta",
  // 5 "alpha", and the 3 oldest "alpha beta gamma". "alpha" meets "beta" or "gamma" only past the
  // rows a search walks before it intersects: more candidates than it reads whole for
  // "alpha beta", few for "alpha gamma".
  const statements = Array.from({ length: 80 }, (_, i) =>
    i < 3 ? 'alpha beta gamma'
      : i < 8 ? `alpha delta${i}`
        : i < 20 ? `alpha beta delta${i}`
          : `beta delta${i}${i % 5 === 0 ? ' gamma' : ''}`,
  );

  it.each(['delta12', 'beta', 'alpha', 'alpha beta', 'alpha gamma', 'alpha beta gamma', 'alph gamm', 'beta delta79', 'gamma zzz', 'DELTA1 Béta'])(
    'finds what a full scan finds for %j, newest first',
    async (text) => {
      await store(statements);
      for (const limit of [1, 7, 20, 100]) expect(await search(text, limit), `${text} / ${limit}`).toEqual(await bruteForce(text, limit));
    },
  );

  it('leaves deleted claims out on every path', async () => {
    await store(statements, true);
    for (const text of ['delta12', 'beta', 'alpha beta', 'alpha gamma']) expect(await search(text, 20), text).toEqual(await bruteForce(text, 20));
  });

  it('goes on after the last result of the previous page', async () => {
    await store(statements);
    const all = await bruteForce('alpha beta', 100);
    const first = await searchRows(t.db.claims, ['alpha', 'beta'], 6, undefined, SMALL);
    const last = first.at(-1)!;
    expect(await search('alpha beta', 100, { modified: last.modified, id: last.id })).toEqual(all.slice(6));
  });
});
