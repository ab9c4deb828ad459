import type { PageSource } from '@/lib/claims/page-source-schema';
import type { NewSighting, NewTrackedClaim } from '@/lib/claims/reader-schema';

/** Test helpers for the reader's claim store: pages, tracked-claim drafts and sightings. */

export function pageSource(over: Partial<PageSource> = {}): PageSource {
  return {
    url: 'https://www.ledger.example/world/bridge-closed',
    outlet: 'The Ledger',
    title: 'Harbour bridge closed after crack found',
    author: 'Ama Mensah',
    published: '2026-11-17',
    ...over,
  };
}

const QUOTE = 'The Eastport harbour bridge was closed on Monday after inspectors found a 30-centimetre crack.';

export function claimDraft(over: Partial<NewTrackedClaim> = {}): NewTrackedClaim {
  return {
    statement: 'The Eastport harbour bridge was closed on Monday after a 30 cm crack was found.',
    type: 'reported-fact',
    page: pageSource(),
    quote: { type: 'TextQuoteSelector', exact: QUOTE, prefix: 'EASTPORT — ', suffix: ' The council said' },
    position: { type: 'TextPositionSelector', start: 120, end: 120 + QUOTE.length },
    ...over,
  };
}

export function sightingDraft(claimId: string, over: Partial<NewSighting> = {}): NewSighting {
  const exact = 'Eastport’s harbour bridge was shut on Tuesday after a crack of about 20 centimetres was found.';
  return {
    claimId,
    page: pageSource({ url: 'https://gazette.example/bridge-shut', outlet: 'The Gazette', author: null, published: '2026-11-18', title: 'Bridge shut' }),
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    ...over,
  };
}
