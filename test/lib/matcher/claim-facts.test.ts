import { describe, expect, it } from 'vitest';
import { readLexicon } from '@/lib/cli/lexicon-file';
import { getBundledClaimDatabase } from '@/lib/claims/bundled';
import { readerClaimDatabase, withReaderClaims } from '@/lib/claims/reader-database';
import { readerIds } from '@/lib/claims/reader-ids';
import { TrackedClaimSchema } from '@/lib/claims/reader-schema';
import { buildClaimIndex } from '@/lib/matcher/claim-index';
import { readClaimFacts } from '@/lib/matcher/claim-facts';
import { matchText } from '@/lib/matcher/match';
import { Tokenizer } from '@/lib/matcher/tokens';
import { TRACKED_SENTENCE } from '../../support/tracked-fixture';

const lexicon = readLexicon();
const facts = (text: string) => readClaimFacts(new Tokenizer(lexicon), text);

describe('the facts of a tracked claim’s words', () => {
  it('reads its counts, with what they count, and its dates, in the words’ own text', () => {
    expect(facts('Two Russian air force planes carrying about 100 troops and 35 tonnes of cargo left on Friday.')).toEqual([
      { key: 'plane-count', kind: 'number', value: 2, text: 'Two' },
      { key: 'troop-count', kind: 'number', value: '100', text: '100', approx: true },
      { key: 'tonne-count', kind: 'number', value: 35, text: '35' },
      { key: 'date', kind: 'date', value: 'Friday', text: 'Friday' },
    ]);
  });

  it('leaves out the day a report was made, and gives repeated kinds keys of their own', () => {
    expect(facts('Nearly 100 Russian troops landed in Caracas on March 23, Reuters reported on Sunday.').map((f) => f.key)).toEqual(['troop-count', 'date']);
    expect(facts('The council said 3,000 people were evacuated in 2019 and 2020.')).toEqual([
      { key: 'people-count', kind: 'number', value: 3000, text: '3,000' },
      { key: 'date', kind: 'date', value: '2019', text: '2019' },
      { key: 'date-2', kind: 'date', value: '2020', text: '2020' },
    ]);
    expect(facts('Inspectors found a crack.')).toEqual([]);
  });

  it('lets the matcher propose the conflict when another page gives another day', () => {
    const claim = TrackedClaimSchema.parse({
      id: '3b241101-e2bb-4255-8caf-4136c566a962',
      statement: TRACKED_SENTENCE,
      type: 'reported-fact',
      facts: facts(TRACKED_SENTENCE), // the schema checks each is worded as in the quote
      page: { url: 'https://ledger.example/bridge', outlet: 'Eastport Ledger', title: 'Bridge closed', author: null, published: null },
      quote: { type: 'TextQuoteSelector', exact: TRACKED_SENTENCE },
      created: 1,
      modified: 1,
    });
    expect(claim.facts).toEqual([{ key: 'date', kind: 'date', value: 'Monday', text: 'Monday' }]);
    const db = withReaderClaims(getBundledClaimDatabase(), readerClaimDatabase({ claims: [claim], sightings: [], factChecks: [], packs: [] }));
    const index = buildClaimIndex(db, lexicon);
    const [conflict] = matchText(index, "Eastport's harbour bridge was shut to traffic on Tuesday when inspectors discovered a crack in a steel support.");
    expect(conflict).toMatchObject({ claimId: readerIds.claim(claim.id), stance: 'conflicts', differs: [{ what: 'date', expected: 'Monday', found: 'Tuesday' }] });
  });
});
