import { describe, expect, it } from 'vitest';
import data from '../../../lib/claims/database.json';
import { loadClaimDatabase } from '../../../lib/claims/database';
import { readLexicon } from '../../../lib/cli/lexicon-file';
import { buildClaimIndex } from '../../../lib/matcher/claim-index';
import { restoreIndex, storeIndex } from '../../../lib/matcher/index-store';
import { matchText } from '../../../lib/matcher/match';

describe('storeIndex / restoreIndex', () => {
  const index = buildClaimIndex(loadClaimDatabase(data), readLexicon());
  const text =
    'Russia sent two bombers to Venezuela in March. Some 99 Russian troops landed in Caracas at the weekend. ' +
    'Neither Venezuelan nor Russian authorities have issued a comment on the flights.';

  it('matches the same after a structured clone, as IndexedDB stores it', () => {
    const stored = structuredClone(storeIndex(index, 'db@1/lexicon@2'));
    expect(stored.key).toBe('db@1/lexicon@2');
    const restored = restoreIndex(stored, readLexicon());
    expect(matchText(restored, text)).toEqual(matchText(index, text));
    expect(matchText(restored, text).length).toBeGreaterThan(0);
  });

  it('keeps no part of the lexicon in what it stores', () => {
    const stored = storeIndex(index, 'k') as Record<string, unknown>;
    expect(Object.keys(stored)).not.toContain('tokenizer');
    expect(Object.keys(stored)).not.toContain('termOfEntry');
  });
});
