import { describe, expect, it } from 'vitest';
import { BlockMatcher } from '@/lib/pages/block-matcher';
import { BlockService } from '@/lib/pages/block-service';
import type { ClaimIndex } from '@/lib/matcher/claim-index';
import { keyOf, lookAhead } from '@/lib/pages/wire';
import { bundledIndex } from '../../support/bundled-index';

const TROOPS = 'Nearly 100 Russian troops have reportedly landed in the Venezuelan capital of Caracas.';
const RAIN = 'Forecasters expect steady rain over the river market through the week.';

/** A service whose claim index loads only when `load()` is called, as a cold worker's does. */
function coldService() {
  let load!: () => void;
  const loaded = new Promise<ClaimIndex>((resolve) => (load = () => resolve(bundledIndex())));
  return { service: new BlockService(new BlockMatcher(() => loaded)), load };
}

describe('BlockService', () => {
  it("answers a question with no text at once, without waiting for a cold worker's index", async () => {
    const { service } = coldService();
    const answer = await Promise.race([service.match('https://news.example', 1, [], true), new Promise((r) => setTimeout(() => r('waited'), 200))]);
    expect(answer).toEqual([]);
  });

  it('matches text once the index is ready, and gives back the key of each unit with claims', async () => {
    const { service, load } = coldService();
    const answers = service.match('https://news.example', 1, [{ text: TROOPS }, { text: RAIN }], true);
    load();
    const [troops, rain] = await answers;
    expect(troops!.matches.map((m) => m.claimId)).toContain('russian-troops-landed-nearly-100');
    expect(troops!.key).toBe(keyOf(TROOPS, lookAhead(RAIN)));
    expect(rain).toEqual({ matches: [] });
  });
});
