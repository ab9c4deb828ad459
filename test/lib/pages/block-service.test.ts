import { describe, expect, it, vi } from 'vitest';
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

  it("warms the matcher up once, on the claims' own statements, keeping none of their matches", async () => {
    const { service, load } = coldService();
    const rehearse = vi.spyOn(service.matcher, 'rehearse');
    const warming = service.warmUp();
    expect(service.warmUp()).toBe(warming);
    load();
    await warming;
    const statements = bundledIndex().source.map((claim) => claim.statement);
    expect(rehearse.mock.calls.map(([text]) => text)).toEqual(statements.slice(0, 40));
    expect(service.matcher.rememberedBytes).toBe(0);
    await service.warmUp();
    expect(rehearse).toHaveBeenCalledTimes(40);
  });

  it('stops warming up as soon as a page asks about its text', async () => {
    const { service, load } = coldService();
    const rehearse = vi.spyOn(service.matcher, 'rehearse');
    const warming = service.warmUp();
    load();
    await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => setTimeout(r, 0));
    const before = rehearse.mock.calls.length;
    service.pageAsked();
    await warming;
    expect(before).toBeGreaterThan(0);
    expect(rehearse.mock.calls.length - before).toBeLessThanOrEqual(1);
  });

  it("stops warming up as soon as a page's text comes to be matched", async () => {
    const { service, load } = coldService();
    const rehearse = vi.spyOn(service.matcher, 'rehearse');
    const warming = service.warmUp();
    const answers = service.match('https://news.example', 1, [{ text: TROOPS }], true);
    load();
    await Promise.all([warming, answers]);
    expect(rehearse).not.toHaveBeenCalled();
    expect((await answers)[0]!.matches.length).toBeGreaterThan(0);
  });
});
