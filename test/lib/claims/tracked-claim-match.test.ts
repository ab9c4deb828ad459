import { describe, expect, it } from 'vitest';
import { readLexicon } from '@/lib/cli/lexicon-file';
import { visibleText } from '@/lib/cli/match-command';
import { getBundledClaimDatabase } from '@/lib/claims/bundled';
import { readerClaimDatabase, withReaderClaims } from '@/lib/claims/reader-database';
import { readerIds } from '@/lib/claims/reader-ids';
import { TrackedClaimSchema } from '@/lib/claims/reader-schema';
import { readClaimFacts } from '@/lib/matcher/claim-facts';
import { buildClaimIndex } from '@/lib/matcher/claim-index';
import { matchText } from '@/lib/matcher/match';
import { Tokenizer } from '@/lib/matcher/tokens';
import { renderPage } from '../../support/fixture-pages';
import { GAZETTE_WORDS, TRACKED_SENTENCE, TRIBUNE_WORDS } from '../../support/tracked-fixture';

// The premise of the end-to-end test of tracking (test/e2e/track-claim.e2e.ts), checked with the
// real lexicon and scorer: the sentence tracked on one fixture page is found on the other outlet's
// page, in its other words, and nowhere else.


const lexicon = readLexicon();
const claim = TrackedClaimSchema.parse({
  id: '3b241101-e2bb-4255-8caf-4136c566a962',
  statement: TRACKED_SENTENCE,
  type: 'reported-fact',
  facts: readClaimFacts(new Tokenizer(lexicon), TRACKED_SENTENCE), // as the background tracks it
  page: { url: 'http://127.0.0.1/track-ledger.html', outlet: 'Eastport Ledger', title: 'Bridge closed', author: null, published: '2026-11-16' },
  quote: { type: 'TextQuoteSelector', exact: TRACKED_SENTENCE },
  created: 1,
  modified: 1,
});
const db = withReaderClaims(getBundledClaimDatabase(), readerClaimDatabase({ claims: [claim], sightings: [], factChecks: [], packs: [] }));
const index = buildClaimIndex(db, lexicon);
const found = (page: string) => matchText(index, visibleText(renderPage(page)));

describe('a tracked claim, matched on the fixture pages', () => {
  it('is found on the other outlet’s page in its own words, agreeing', () => {
    const text = visibleText(renderPage('track-gazette.html'));
    expect(text).not.toContain(TRACKED_SENTENCE);
    expect(found('track-gazette.html')).toEqual([expect.objectContaining({ claimId: readerIds.claim(claim.id), text: GAZETTE_WORDS, stance: 'corroborates' })]);
  });

  it('is found on the third outlet’s page, which gives another day, as a conflict saying what differs', () => {
    expect(found('track-tribune.html')).toEqual([
      expect.objectContaining({ claimId: readerIds.claim(claim.id), text: TRIBUNE_WORDS, stance: 'conflicts', differs: [{ what: 'date', expected: 'Monday', found: 'Tuesday' }] }),
    ]);
  });

  it('is found on its own page (its headline says it too), and not on pages about other things', () => {
    expect(found('track-ledger.html').map((m) => m.text)).toEqual(['Eastport harbour bridge closed after inspectors find crack', TRACKED_SENTENCE]);
    expect(found('no-claims.html')).toEqual([]);
    expect(found('article-c.html').filter((m) => m.claimId.startsWith('reader-'))).toEqual([]);
  });
});
