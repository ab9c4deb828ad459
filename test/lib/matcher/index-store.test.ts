import { describe, expect, it } from 'vitest';
import data from '@/lib/claims/database.json';
import { loadClaimDatabase } from '@/lib/claims/database';
import { readLexicon } from '@/lib/cli/lexicon-file';
import { buildClaimIndex } from '@/lib/matcher/claim-index';
import { restoreIndex, storeIndex } from '@/lib/matcher/index-store';
import { matchText } from '@/lib/matcher/match';

describe('storeIndex / restoreIndex', () => {
  const db = loadClaimDatabase(data);
  const index = buildClaimIndex(db, readLexicon());
  const text =
    'Russia sent two bombers to Venezuela in March. Some 99 Russian troops landed in Caracas at the weekend. ' +
    'Neither Venezuelan nor Russian authorities have issued a comment on the flights.';

  it('matches the same after a structured clone, as IndexedDB stores it', () => {
    const stored = structuredClone(storeIndex(index, 'db@1/lexicon@2'));
    expect(stored.key).toBe('db@1/lexicon@2');
    const restored = restoreIndex(stored, readLexicon(), db.claims);
    expect(matchText(restored, text)).toEqual(matchText(index, text));
    expect(matchText(restored, text).length).toBeGreaterThan(0);
  });

  it('keeps neither the lexicon nor the claims in what it stores, and refuses another database', () => {
    const stored = storeIndex(index, 'k');
    for (const key of ['tokenizer', 'termOfEntry', 'source', 'read']) expect(Object.keys(stored)).not.toContain(key);
    expect(() => restoreIndex(stored, readLexicon(), db.claims.slice(1))).toThrow(/another database/);
  });
});
