import { describe, expect, it } from 'vitest';
import { firstStatement, isSenderPage, registerClaimRoutes } from '@/lib/claims/claim-handlers';
import { trackClaimRoute } from '@/lib/claims/claim-routes';
import { getTrackedClaim } from '@/lib/claims/reader-store';
import { MAX_STATEMENT } from '@/lib/claims/reader-schema';
import { envelope, Router, unwrap } from '@/lib/messaging/router';
import { pageSource } from './reader-fixtures';
import { useReaderDb } from './reader-test-db';

const t = useReaderDb();
const self = { id: 'crosscheck-id', origin: 'chrome-extension://crosscheck-id/' };
const PAGE = pageSource();
const fromTab = (url: string) => ({ id: self.id, url, tab: { id: 3 } });
const quote = { type: 'TextQuoteSelector' as const, exact: 'The Eastport harbour bridge\n  was closed on Monday.', prefix: 'EASTPORT — ', suffix: ' The council' };

function router() {
  const r = new Router(self);
  registerClaimRoutes(r, { db: () => t.db, ctx: t.ctx });
  return r;
}
const send = async (data: unknown, sender: object) => unwrap(trackClaimRoute, await router().dispatch(envelope(trackClaimRoute, data as never), sender));

describe('the track route', () => {
  it('stores the selected words of the sender’s page as a tracked claim, its statement the words themselves', async () => {
    const { id } = await send({ page: PAGE, quote, position: { type: 'TextPositionSelector', start: 11, end: 60 } }, fromTab(`${PAGE.url}?utm_source=x#top`));
    const claim = await getTrackedClaim(t.db, id);
    expect(claim).toMatchObject({
      statement: 'The Eastport harbour bridge was closed on Monday.',
      type: 'reported-fact',
      page: PAGE,
      quote,
      position: { start: 11, end: 60 },
      created: 1_000,
      deleted: false,
    });
  });

  it('keeps the facts read in the words, and tracks the claim without them when they cannot be read', async () => {
    const fact = { key: 'date', kind: 'date' as const, value: 'Monday', text: 'Monday' };
    const withFacts = (facts: () => Promise<unknown>) => {
      const r = new Router(self);
      registerClaimRoutes(r, { db: () => t.db, ctx: t.ctx, facts: facts as never });
      return async () => unwrap(trackClaimRoute, await r.dispatch(envelope(trackClaimRoute, { page: PAGE, quote } as never), fromTab(PAGE.url)));
    };
    const read = await withFacts(async () => [fact])();
    expect((await getTrackedClaim(t.db, read.id)).facts).toEqual([fact]);
    const failed = await withFacts(async () => {
      throw new Error('no lexicon');
    })();
    expect((await getTrackedClaim(t.db, failed.id)).facts).toEqual([]);
  });

  it('refuses a page that is not the sender’s, and stores nothing', async () => {
    const other = { ...PAGE, url: 'https://victim.example/story' };
    await expect(send({ page: other, quote }, fromTab(PAGE.url))).rejects.toThrow('A page can only track claims on itself.');
    expect(await t.db.claims.count()).toBe(0);
  });

  it('refuses a malformed page source with the field named, and stores nothing', async () => {
    await expect(send({ page: { ...PAGE, published: 'last Tuesday' }, quote }, fromTab(PAGE.url))).rejects.toThrow(/Invalid tracked claim.*page\.published/s);
    await expect(send({ page: PAGE, quote: { ...quote, exact: '' } }, fromTab(PAGE.url))).rejects.toThrow(/Invalid "trackClaim" request/);
    expect(await t.db.claims.count()).toBe(0);
  });

  it('is refused to the extension’s own pages (a content script’s route)', async () => {
    await expect(send({ page: PAGE, quote }, { id: self.id, url: `${self.origin}panel.html` })).rejects.toThrow(/Sender not allowed/);
  });
});

describe('the first statement and the sender check', () => {
  it('collapses white space and cuts a long selection at the longest statement kept', () => {
    expect(firstStatement('  a\n\n b  ')).toBe('a b');
    expect(firstStatement('word '.repeat(1000))).toHaveLength(MAX_STATEMENT - 1); // cut, then the trailing space trimmed
  });

  it('takes the page’s canonical URL on the sender’s origin only', () => {
    expect(isSenderPage('https://ledger.example/a?utm_source=x', 'https://ledger.example/a')).toBe(true);
    expect(isSenderPage('https://ledger.example/a', 'https://ledger.example/canonical-story')).toBe(true);
    expect(isSenderPage('https://ledger.example/a', 'https://evil.ledger.example/a')).toBe(false);
    expect(isSenderPage('https://ledger.example/a', 'https://ledger.example/a#frag')).toBe(false);
    expect(isSenderPage(undefined, 'https://ledger.example/a')).toBe(false);
    expect(isSenderPage('about:blank', 'https://ledger.example/a')).toBe(false);
  });
});
