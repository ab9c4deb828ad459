import { describe, expect, it, vi } from 'vitest';
import { readLexicon } from '@/lib/cli/lexicon-file';
import { readReaderData } from '@/lib/claims/reader-database';
import { readerRevision } from '@/lib/claims/reader-db';
import { readerIds } from '@/lib/claims/reader-ids';
import { trackClaim } from '@/lib/claims/reader-store';
import { matchText } from '@/lib/matcher';
import { ClaimSource } from '@/lib/pages/claim-source';
import type { CachedClaims, IndexCache } from '@/lib/pages/worker-cache';
import { claimDraft } from '../claims/reader-fixtures';
import { useReaderDb } from '../claims/reader-test-db';

const lexicon = readLexicon();
const loadLexicon = async () => ({ lexicon, key: 'lexicon-1' });

/** A cache in memory that counts what it was asked. */
function memoryCache() {
  const rows = new Map<string, CachedClaims>();
  const cache: IndexCache & { puts: number; hits: number } = {
    puts: 0,
    hits: 0,
    async get(key) {
      const found = rows.get(key);
      if (found) cache.hits++;
      return found && structuredClone(found);
    },
    async put(entry) {
      cache.puts++;
      rows.clear();
      rows.set(entry.key, structuredClone(entry));
    },
  };
  return cache;
}

const BRIDGE = 'The Eastport harbour bridge was closed on Monday after inspectors found a 30-centimetre crack.';

describe("the reader store's revision", () => {
  const t = useReaderDb();

  it('changes with every write to its content, whoever writes, and with nothing else', async () => {
    const seen = [await readerRevision(t.db)];
    const next = async () => {
      const now = await readerRevision(t.db);
      expect(seen).not.toContain(now);
      seen.push(now);
    };
    const claim = await trackClaim(t.db, claimDraft(), t.ctx);
    await next();
    await t.db.claims.update(claim.id, { statement: 'Edited straight in the table.' });
    await next();
    await t.db.sightings.bulkPut([]); // nothing written
    expect(await readerRevision(t.db)).toBe(seen.at(-1));
    await t.db.claims.delete(claim.id);
    await next();
    await t.db.claims.toArray();
    expect(await readerRevision(t.db)).toBe(seen.at(-1));
  });

  it('does not change when the write fails', async () => {
    const claim = await trackClaim(t.db, claimDraft(), t.ctx);
    const before = await readerRevision(t.db);
    await expect(t.db.claims.add({ ...(await t.db.claims.get(claim.id))! })).rejects.toThrow(); // the id is taken
    expect(await readerRevision(t.db)).toBe(before);
  });
});

describe('ClaimSource', () => {
  const t = useReaderDb();
  const reader = () => ({ revision: () => readerRevision(t.db), read: () => readReaderData(t.db) });
  const sourceOf = (cache = memoryCache()) => new ClaimSource({ loadLexicon, cache, reader: reader() });

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

  it("reads the reader's claims and their index back instead of reading the store, and makes them again when the store changed", async () => {
    await trackClaim(t.db, claimDraft(), t.ctx);
    const cache = memoryCache();
    await sourceOf(cache).load();
    await vi.waitFor(() => expect(cache.puts).toBe(1));

    const read = vi.fn(() => readReaderData(t.db));
    const restarted = await new ClaimSource({ loadLexicon, cache, reader: { ...reader(), read } }).load(); // a worker woken again
    expect(read).not.toHaveBeenCalled();
    expect(cache.hits).toBe(1);
    expect(cache.puts).toBe(1);
    expect(matchText(restarted.set.index, BRIDGE).length).toBeGreaterThan(0);

    t.clock += 1;
    await trackClaim(t.db, claimDraft({ statement: 'A second tracked claim about the bridge toll.' }), t.ctx);
    await sourceOf(cache).load();
    expect(cache.hits).toBe(1);
    await vi.waitFor(() => expect(cache.puts).toBe(2));
  });

  it("with nothing of the reader's, never reads the store, and keeps the bundled claims' index for the next start", async () => {
    const TROOPS = 'Nearly 100 Russian troops have reportedly landed in the Venezuelan capital of Caracas.';
    const cache = memoryCache();
    const read = vi.fn(() => readReaderData(t.db));
    const { set } = await new ClaimSource({ loadLexicon, cache, reader: { ...reader(), read } }).load();
    expect(matchText(set.index, TROOPS).length).toBeGreaterThan(0);
    await vi.waitFor(() => expect(cache.puts).toBe(1));

    const restarted = await new ClaimSource({ loadLexicon, cache, reader: { ...reader(), read } }).load(); // a worker woken again
    expect(cache.hits).toBe(1);
    expect(cache.puts).toBe(1);
    expect(read).not.toHaveBeenCalled();
    expect(restarted.set.database.claims.length).toBe(set.database.claims.length);
    expect(matchText(restarted.set.index, TROOPS)).toEqual(matchText(set.index, TROOPS));
  });

  it("keeps the bundled claims working when the reader's store cannot be read", async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const gone = () => Promise.reject(new Error('disk gone'));
    const source = new ClaimSource({ loadLexicon, cache: memoryCache(), reader: { revision: gone, read: gone } });
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
