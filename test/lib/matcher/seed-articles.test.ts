import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import data from '../../../lib/claims/database.json';
import { loadClaimDatabase } from '../../../lib/claims/database';
import { readLexicon } from '../../../lib/cli/lexicon-file';
import { buildClaimIndex } from '../../../lib/matcher/claim-index';
import { matchText } from '../../../lib/matcher/match';

/**
 * Issue 4: every sentence of the seed articles that carries a claim matches that claim with exact
 * sentence offsets, and every other sentence matches nothing. The expected spans come from the
 * database's verbatim quotes and a sentence splitter written here, independent of the matcher's.
 */
const db = loadClaimDatabase(data);
const index = buildClaimIndex(db, readLexicon());

/** Sentence spans by a plain rule: lines, then ". " before a capital or opening quote, minding "U.S." and "Gen.". */
function sentencesOf(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const line = /[^\n]+/g;
  for (const m of text.matchAll(line)) {
    const boundary = /[.!?…]["”’)]?\s+(?=["“‘(]?[A-Z—–])/g;
    let start = m.index;
    for (const b of m[0].matchAll(boundary)) {
      const before = m[0].slice(0, b.index + 1);
      if (/(?:\b[A-Z]\.[A-Z]\.|\b(?:Mr|Gen|Col|Dr|St))\.?$/.test(before)) continue;
      out.push({ start, end: m.index + b.index + b[0].trimEnd().length });
      start = m.index + b.index + b[0].length;
    }
    out.push({ start, end: m.index + m[0].trimEnd().length });
  }
  return out.filter((s) => text.slice(s.start, s.end).trim() !== '').map((s) => {
    const lead = text.slice(s.start, s.end).length - text.slice(s.start, s.end).trimStart().length;
    return { start: s.start + lead, end: s.end };
  });
}

/** Finds a quote in the text, allowing any run of whitespace where the quote has a space. */
function locate(text: string, quote: string): { start: number; end: number } {
  const pattern = quote.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  const m = new RegExp(pattern).exec(text);
  if (!m) throw new Error(`quote not found: ${quote}`);
  return { start: m.index, end: m.index + m[0].length };
}

for (const article of db.articles) {
  describe(`seed article ${article.file}`, () => {
    const text = readFileSync(new URL(`../../fixtures/articles/${article.file}`, import.meta.url), 'utf8');
    const sentences = sentencesOf(text);
    const expected = new Set<string>();
    for (const a of db.assertions.filter((x) => x.articleId === article.id)) {
      const q = locate(text, a.quote);
      const covered = sentences.filter((s) => s.end > q.start && s.start < q.end);
      expected.add(`${a.claimId} @${covered[0]!.start}-${covered[covered.length - 1]!.end}`);
    }
    const matches = matchText(index, text);
    const got = new Set(matches.map((m) => `${m.claimId} @${m.start}-${m.end}`));

    it('matches every claim-bearing sentence to its own claim, with exact offsets', () => {
      expect([...expected].filter((e) => !got.has(e))).toEqual([]);
    });

    it('matches nothing else', () => {
      const extra = matches.filter((m) => !expected.has(`${m.claimId} @${m.start}-${m.end}`));
      expect(extra.map((m) => `${m.claimId}: ${m.text}`)).toEqual([]);
    });

    it('finds the article agreeing with itself', () => {
      expect(matches.filter((m) => m.stance !== 'corroborates')).toEqual([]);
      for (const m of matches) expect(text.slice(m.start, m.end)).toBe(m.text);
    });
  });
}
