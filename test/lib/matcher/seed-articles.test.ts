import { describe, expect, it } from 'vitest';
import data from '@/lib/claims/database.json';
import { loadClaimDatabase } from '@/lib/claims/database';
import { readLexicon } from '@/lib/cli/lexicon-file';
import { buildClaimIndex } from '@/lib/matcher/claim-index';
import { matchText } from '@/lib/matcher/match';
import { seedArticles, seedDifferences } from '../../eval/seed';

/**
 * Every sentence of the seed articles that carries a claim matches that claim with exact sentence
 * offsets, and every other sentence matches nothing (the expected spans: test/eval/seed.ts).
 */
const db = loadClaimDatabase(data);
const index = buildClaimIndex(db, readLexicon());

for (const seed of seedArticles(db)) {
  describe(`seed article ${seed.file}`, () => {
    const matches = matchText(index, seed.text);
    const { missing, extra } = seedDifferences(seed, matches);

    it('matches every claim-bearing sentence to its own claim, with exact offsets', () => {
      expect(missing).toEqual([]);
    });

    it('matches nothing else', () => {
      expect(extra).toEqual([]);
    });

    it('finds the article agreeing with itself', () => {
      expect(matches.filter((m) => m.stance !== 'corroborates')).toEqual([]);
      for (const m of matches) expect(seed.text.slice(m.start, m.end)).toBe(m.text);
    });
  });
}
