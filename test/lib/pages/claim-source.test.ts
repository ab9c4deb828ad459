import { describe, expect, it, vi } from 'vitest';
import { readLexicon } from '@/lib/cli/lexicon-file';
import { readReaderData } from '@/lib/claims/reader-database';
import { readerIds } from '@/lib/claims/reader-ids';
import { trackClaim } from '@/lib/claims/reader-store';
import { matchText } from '@/lib/matcher';
import type { StoredIndex } from '@/lib/matcher/index-store';
import { ClaimSource } from '@/lib/pages/claim-source';
import type { IndexCache } from '@/lib/pages/index-cache';
import { claimDraft } from '../claims/reader-fixtures';
import { useReaderDb } from '../claims/reader-test-db';

const lexicon = readLexicon();
const loadLexicon = async () => ({ lexicon, key: 'lexicon-1' });

/** A cache in memory that counts what it was asked. */
function memoryCache() {
  const rows = new Map<string, StoredIndex>();
  const cache: IndexCache & { puts: number; hits: number } = {
    puts: 0,
    hits: 0,
    async get(key) {
      const found = rows.get(key);
      if (found) cache.hits++;
      return found && structuredClone(found);
    },
    async put(index) {
      cache.puts++;
      rows.clear();
      rows.set(index.key, structuredClone(index));
    },
  };
  return cache;
}

const BRIDGE = 'The Eastport harbour bridge was closed on Monday after inspectors found a 30-centimetre crack.';

describe('ClaimSource', () => {
  const t = useReaderDb();
  const sourceOf = (cache = memoryCache()) => new ClaimSource({ loadLexicon, cache, readReader: () => readReaderData(t.db) });

  it("matches the reader's tracked claims beside the bundled ones, once the store changed", async () => {
    const source = sourceOf();
    const first = await source.load();
    expect(first.changed).toBe(true);
    expect(matchText(first.set.index, BRIDGE).map((m) => m.claimId)).toEqual([]);
    expect((await source.load()).changed).toBe(false); // nothing new: the same set

    const claim = await trackClaim(t.db, claimDraft(), t.ctx);
    const second = await source.load();
    expect(second.changed).toBe(true);
    expect(matchText(second.set.index, BRIDGE).map((m) => m.claimId)).toContain(readerIds.claim(claim.id));
    expect(second.set.database.claims.length).toBe(first.set.database.claims.length + 1);
  });

  it('reads a stored index back instead of building it, and builds again when the claims differ', async () => {
    await trackClaim(t.db, claimDraft(), t.ctx);
    const cache = memoryCache();
    await sourceOf(cache).load();
    await vi.waitFor(() => expect(cache.puts).toBe(1));

    const restarted = await sourceOf(cache).load(); // a worker woken again
    expect(cache.hits).toBe(1);
    expect(cache.puts).toBe(1);
    expect(matchText(restarted.set.index, BRIDGE).length).toBeGreaterThan(0);

    t.clock += 1;
    await trackClaim(t.db, claimDraft({ statement: 'A second tracked claim about the bridge toll.' }), t.ctx);
    await sourceOf(cache).load();
    expect(cache.hits).toBe(1);
    await vi.waitFor(() => expect(cache.puts).toBe(2));
  });

  it("keeps the bundled claims working when the reader's store cannot be read", async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const source = new ClaimSource({ loadLexicon, cache: memoryCache(), readReader: () => Promise.reject(new Error('disk gone')) });
    const { set } = await source.load();
    expect(set.database.claims.length).toBeGreaterThan(0);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('disk gone'));
    warn.mockRestore();
  });

  it('resolves bundled and reader claims by id, leaving unknown ids out', async () => {
    const claim = await trackClaim(t.db, claimDraft(), t.ctx);
    const source = sourceOf();
    const id = readerIds.claim(claim.id);
    const [resolved, ...rest] = await source.resolve([id, 'no-such-claim']);
    expect(rest).toEqual([]);
    expect(resolved!.statement).toBe(claim.statement);
    expect(resolved!.assertions[0]!.quote).toBe(claim.quote.exact);
    expect(resolved!.assertions[0]!.source.name).toBe('The Ledger');
  });
});
