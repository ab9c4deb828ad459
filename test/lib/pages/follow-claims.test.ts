import { describe, expect, it, vi } from 'vitest';
import { readLexicon } from '@/lib/cli/lexicon-file';
import { readReaderData } from '@/lib/claims/reader-database';
import { readerRevision } from '@/lib/claims/reader-db';
import { readerIds } from '@/lib/claims/reader-ids';
import { deleteTrackedClaim, trackClaim } from '@/lib/claims/reader-store';
import { BlockMatcher } from '@/lib/pages/block-matcher';
import { ClaimSource } from '@/lib/pages/claim-source';
import { followReaderClaims } from '@/lib/pages/follow-claims';
import { claimDraft } from '../claims/reader-fixtures';
import { useReaderDb } from '../claims/reader-test-db';

const lexicon = readLexicon();
const BRIDGE = 'The Eastport harbour bridge was closed on Monday after inspectors found a 30-centimetre crack.';

describe('followReaderClaims', () => {
  const t = useReaderDb();

  it('moves the matcher to the new claims after a write, forgets what it remembered and tells the tabs', async () => {
    const source = new ClaimSource({
      loadLexicon: async () => ({ lexicon, key: 'l' }),
      cache: { get: async () => undefined, put: async () => undefined },
      reader: { revision: () => readerRevision(t.db), read: () => readReaderData(t.db) },
    });
    const matcher = new BlockMatcher(() => source.load().then(({ set }) => set.index));
    const changed = vi.fn();
    const stop = followReaderClaims(t.db, source, matcher, changed);
    await matcher.ready();
    expect(matcher.match('https://a.example', BRIDGE, '')).toEqual([]); // remembered as having no claim

    const claim = await trackClaim(t.db, claimDraft(), t.ctx);
    await vi.waitFor(() => expect(changed).toHaveBeenCalledTimes(1), { timeout: 5000 });
    expect(matcher.match('https://a.example', BRIDGE, '').map((m) => m.claimId)).toContain(readerIds.claim(claim.id));

    await deleteTrackedClaim(t.db, claim.id, t.ctx);
    await vi.waitFor(() => expect(changed).toHaveBeenCalledTimes(2), { timeout: 5000 });
    expect(matcher.match('https://a.example', BRIDGE, '')).toEqual([]);
    stop();
  });
});
