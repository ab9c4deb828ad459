import { describe, expect, it } from 'vitest';
import { getBundledClaimDatabase } from '@/lib/claims/bundled';
import { readerClaimDatabase, withReaderClaims } from '@/lib/claims/reader-database';
import { readLexicon } from '@/lib/cli/lexicon-file';
import { buildClaimIndex } from '@/lib/matcher/claim-index';
import { restoreIndex, storeIndex } from '@/lib/matcher/index-store';
import { matchText } from '@/lib/matcher/match';
import { ClaimMatchSchema, FACT_CHECK_VERDICT } from '@/lib/matcher/schema';
import { factCheckId } from '@/lib/claims/reader-ids';
import { CollectedFactCheckSchema } from '@/lib/claims/reader-schema';
import { visibleText } from '@/lib/cli/match-command';
import { parseClaimReviews } from '@/lib/factchecks/parse';
import { renderPage } from '../../support/fixture-pages';
import { collectedFactChecks } from '../claims/factcheck-fixtures';

const lexicon = readLexicon();
const reader = readerClaimDatabase({
  claims: [],
  sightings: [],
  factChecks: [...collectedFactChecks('politifact-like.json'), ...collectedFactChecks('fullfact-like.json'), ...collectedFactChecks('factcheck-org-like.json')],
  packs: [],
});
const combined = withReaderClaims(getBundledClaimDatabase(), reader);
const index = buildClaimIndex(combined, lexicon);
const idOf = (statement: string) => combined.claims.find((c) => c.statement === statement)!.id;
const matchOf = (text: string, claimId: string) => matchText(index, text).find((m) => m.claimId === claimId);

describe('a claim a fact-checker rated', () => {
  const sold = idOf('The Eastport harbour bridge was sold to a foreign company last week.');

  it('false is painted as a conflict with the verdict, in its own words or in others', () => {
    for (const text of [
      'The Eastport harbour bridge was sold to a foreign company last week.',
      'Last week the Eastport harbour bridge was sold to a foreign company, posts claimed.',
    ]) {
      const m = matchOf(text, sold);
      expect(m, text).toBeDefined();
      expect(ClaimMatchSchema.parse(m)).toMatchObject({
        stance: 'conflicts',
        differs: [{ what: FACT_CHECK_VERDICT, expected: 'meter.example.org rated this claim “Pants on Fire!”.', found: 'stated as true' }],
      });
    }
  });

  it('true, or only misleading, is painted as the page states it', () => {
    expect(matchOf('The Eastport bridge is more than 100 years old.', idOf('The Eastport bridge is more than 100 years old.'))?.stance).toBe('corroborates');
    expect(matchOf('The bridge will be closed for two years.', idOf('The bridge will be closed for two years.'))?.stance).toBe('corroborates');
  });

  it('false keeps its verdict in an index stored and read back', () => {
    const restored = restoreIndex(structuredClone(storeIndex(index, 'k')), lexicon, combined.claims);
    expect(matchText(restored, 'The Eastport harbour bridge was sold to a foreign company last week.').find((m) => m.claimId === sold)?.stance).toBe('conflicts');
  });
});

describe('the fact-check fixture pages (the end-to-end journey, in node)', () => {
  it("bridge-factcheck.html's ClaimReview, once collected, makes bridge-news.html's sentence a conflict", () => {
    const json = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(renderPage('bridge-factcheck.html'))![1]!;
    const { items, problems } = parseClaimReviews(JSON.parse(json));
    expect(problems).toEqual([]);
    const url = 'http://127.0.0.1:8000/bridge-factcheck.html';
    const fc = CollectedFactCheckSchema.parse({ ...items[0]!, url, id: factCheckId(url, items[0]!.claimReviewed), collected: 1, modified: 1 });
    const db = withReaderClaims(getBundledClaimDatabase(), readerClaimDatabase({ claims: [], sightings: [], factChecks: [fc], packs: [] }));
    const found = matchText(buildClaimIndex(db, lexicon), visibleText(renderPage('bridge-news.html')));
    const reviewed = db.claims.find((c) => c.statement === fc.claimReviewed)!.id;
    expect(found.filter((m) => m.claimId.startsWith('reader-')).map((m) => [m.claimId, m.stance, m.text])).toEqual([
      [reviewed, 'conflicts', 'Online, some residents repeated a rumour that the Eastport harbour bridge was sold to a foreign company last week.'],
    ]);
  });
});
