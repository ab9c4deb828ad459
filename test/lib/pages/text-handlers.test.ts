import { describe, expect, it } from 'vitest';
import { Router } from '@/lib/messaging/router';
import { envelope } from '@/lib/messaging/router';
import type { BlockService } from '@/lib/pages/block-service';
import { pageLoadingRoute } from '@/lib/pages/page-routes';
import { handleText, type TextHandlerDeps } from '@/lib/pages/text-handlers';

const self = { id: 'crosscheck', origin: 'chrome-extension://crosscheck' };
const tab = { id: self.id, tab: { id: 7 }, url: 'https://news.example/story', origin: 'https://news.example' };

/**
 * The text routes with dependencies that fail if anything but the route under test touches them,
 * except the blocks' warm-up (counted in `warmUps`; the first fails, as a broken index would).
 */
function router(): Router & { warmUps: number } {
  const r = Object.assign(new Router(self), { warmUps: 0 });
  const untouched = new Proxy({}, { get: (_, key) => { throw new Error(`touched ${String(key)}`); } });
  const blocks = new Proxy({}, { get: (_, key) => (key === 'warmUp' ? () => (r.warmUps++ === 0 ? Promise.reject(new Error('no index')) : Promise.resolve()) : untouched[key as never]) });
  handleText(r, { blocks: blocks as BlockService, pages: untouched, tabs: untouched, disabledSites: () => Promise.reject(new Error('read')), paintMode: () => Promise.reject(new Error('read')) } as unknown as TextHandlerDeps);
  return r;
}

describe('the pageLoading route', () => {
  it('answers a content script at once, touching nothing but the warm-up of the matcher (the message starts a stopped worker)', async () => {
    const r = router();
    expect(await r.dispatch(envelope(pageLoadingRoute, {}), tab)).toEqual({ ok: true, data: null });
    expect(await r.dispatch(envelope(pageLoadingRoute, {}), tab)).toEqual({ ok: true, data: null });
    expect(r.warmUps).toBe(2);
  });

  it('is refused to an extension page and to data it does not expect', async () => {
    const r = router();
    expect(await r.dispatch(envelope(pageLoadingRoute, {}), { id: self.id, url: `${self.origin}/popup.html` })).toEqual({ ok: false, error: 'Sender not allowed on "pageLoading"' });
    const reply = await r.dispatch({ route: 'pageLoading', data: 'wake up' }, tab);
    expect(reply).toMatchObject({ ok: false });
  });
});
