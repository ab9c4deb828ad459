// @vitest-environment happy-dom
// @vitest-environment-options { "url": "https://ledger.example/story?utm_source=x" }
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { startTracking } from '@/lib/annotator/claim-tracker';
import type { FoundClaim } from '@/lib/annotator/claims-layer';
import type { PanelFrame } from '@/lib/annotator/panel-frame';
import { readPanelState } from '@/lib/annotator/panel-state';
import { describeSightingsRoute, trackSelectionRoute } from '@/lib/claims/claim-routes';
import type { Route } from '@/lib/messaging/route';
import { envelope, Router, unwrap } from '@/lib/messaging/router';

const self = { id: 'crosscheck-id', origin: 'chrome-extension://crosscheck-id/' };
const fromBackground = { id: self.id, url: `${self.origin}background.js` };
const SENTENCE = 'The Eastport harbour bridge was closed on Monday.';
const CLAIM_ID = '3b241101-e2bb-4255-8caf-4136c566a962';

let router: Router;
let opened: string[];
let sent: unknown[];
let claims: FoundClaim[];
let hidden: number;

beforeEach(() => {
  document.head.innerHTML = `<meta property="og:site_name" content="Eastport Ledger"><link rel="canonical" href="/story">`;
  document.body.innerHTML = `<h1>Bridge closed</h1><p>${SENTENCE} Ferries will run.</p>`;
  router = new Router(self);
  opened = [];
  sent = [];
  claims = [];
  const panel = { open: async (url: string) => void opened.push(url) } as unknown as PanelFrame;
  hidden = 0;
  startTracking({ router, panel, claims: () => claims, hideButtons: () => void hidden++ });
  vi.spyOn(browser.runtime, 'getURL').mockImplementation((path: string) => `${self.origin}${path.replace(/^\//, '')}` as never);
});
afterEach(() => vi.restoreAllMocks());

/** A range over `text` in the first paragraph. */
function rangeOf(text: string): Range {
  const node = document.querySelector('p')!.firstChild!;
  const at = (node as Text).data.indexOf(text);
  const range = document.createRange();
  range.setStart(node, at);
  range.setEnd(node, at + text.length);
  return range;
}
const select = (text: string) => {
  getSelection()!.removeAllRanges();
  getSelection()!.addRange(rangeOf(text));
};
const ask = async <R extends Route>(route: R, data: unknown) => unwrap(route, await router.dispatch(envelope(route, data as never), fromBackground));
const panelState = (url: string) => readPanelState(new URL(url).hash);
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('Track this claim, in the page', () => {
  it('sends the selected words with the page’s source, then opens the panel on the new claim', async () => {
    vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async (message: unknown) => {
      sent.push(message);
      return { ok: true, data: { id: CLAIM_ID } };
    }) as never);
    select(SENTENCE);
    expect(await ask(trackSelectionRoute, {})).toBe(true);
    await settle();
    expect(sent).toEqual([
      {
        route: 'trackClaim',
        data: expect.objectContaining({
          page: { url: 'https://ledger.example/story', outlet: 'Eastport Ledger', title: 'https://ledger.example/story', author: null, published: null },
          quote: expect.objectContaining({ exact: SENTENCE, prefix: 'Bridge closed\n\n' }),
        }),
      },
    ]);
    expect(opened.map(panelState)).toEqual([{ mode: 'tracked', claimId: CLAIM_ID }]);
    expect(hidden).toBe(1); // the selection's buttons make way for the panel
  });

  it('opens the panel with the reason when the background refuses', async () => {
    vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue({ ok: false, error: 'Invalid tracked claim: page.published' } as never);
    select(SENTENCE);
    await ask(trackSelectionRoute, {});
    await settle();
    expect(opened.map(panelState)).toEqual([{ mode: 'tracked', error: 'Could not track this claim: Invalid tracked claim: page.published' }]);
  });

  it('answers false, and sends nothing, when nothing is selected', async () => {
    const sendMessage = vi.spyOn(browser.runtime, 'sendMessage');
    getSelection()!.removeAllRanges();
    expect(await ask(trackSelectionRoute, {})).toBe(false);
    expect(sendMessage).not.toHaveBeenCalled();
    expect(opened).toEqual([]);
  });

  it('tells the background where tracked claims are stated on the page, in its own words', async () => {
    claims = [{ claim: { claimId: `reader-claim-${CLAIM_ID}` }, range: rangeOf(SENTENCE) } as unknown as FoundClaim];
    const answer = await ask(describeSightingsRoute, { claimIds: [`reader-claim-${CLAIM_ID}`, 'reader-claim-gone'] });
    expect(answer.page).toMatchObject({ url: 'https://ledger.example/story', outlet: 'Eastport Ledger' });
    expect(answer.found).toEqual([
      {
        claimId: `reader-claim-${CLAIM_ID}`,
        quote: { type: 'TextQuoteSelector', exact: SENTENCE, prefix: 'Bridge closed\n\n', suffix: ' Ferries will run.' },
        position: { type: 'TextPositionSelector', start: 15, end: 15 + SENTENCE.length },
      },
    ]);
  });
});
