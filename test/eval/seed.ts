import { readFileSync } from 'node:fs';
import type { ClaimDatabase } from '@/lib/claims/schema';
import type { ClaimMatch } from '@/lib/matcher/schema';

/**
 * The seed articles as the matcher must read them: every sentence that carries a claim matches that
 * claim with exact sentence offsets, and no other sentence matches. The expected spans come from the
 * database's verbatim quotes and a sentence splitter written here, independent of the matcher's.
 */

/** Sentence spans by a plain rule: lines, then ". " before a capital or opening quote, minding "U.S." and "Gen.". */
export function sentencesOf(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/[^\n]+/g)) {
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
  return out
    .filter((s) => text.slice(s.start, s.end).trim() !== '')
    .map((s) => {
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

/** One seed article: its text, and the matches expected of it as `claimId @start-end`. */
export interface SeedArticle {
  file: string;
  text: string;
  expected: Set<string>;
}

/** The seed articles of the bundled database with what the matcher must find in each. */
export function seedArticles(db: ClaimDatabase): SeedArticle[] {
  return db.articles.map((article) => {
    const text = readFileSync(new URL(`../fixtures/articles/${article.file}`, import.meta.url), 'utf8');
    const sentences = sentencesOf(text);
    const expected = new Set<string>();
    for (const a of db.assertions.filter((x) => x.articleId === article.id)) {
      const q = locate(text, a.quote);
      const covered = sentences.filter((s) => s.end > q.start && s.start < q.end);
      expected.add(`${a.claimId} @${covered[0]!.start}-${covered[covered.length - 1]!.end}`);
    }
    return { file: article.file, text, expected };
  });
}

/** What differs between the matches and the expected ones: missing and extra, as `claimId @start-end`. */
export function seedDifferences(seed: SeedArticle, matches: ClaimMatch[]): { missing: string[]; extra: string[] } {
  const got = new Set(matches.map((m) => `${m.claimId} @${m.start}-${m.end}`));
  return { missing: [...seed.expected].filter((e) => !got.has(e)), extra: [...got].filter((g) => !seed.expected.has(g)) };
}

/** The seed articles' sentences as labelled sentences: the claims whose quotes they carry, or none. */
export function seedSentences(seeds: SeedArticle[]): { text: string; labels: { id: string; stance: 'corroborates'; alternatives: string[]; differs: string[] }[] }[] {
  return seeds.flatMap((seed) =>
    sentencesOf(seed.text).map((s) => {
      const ids = [...seed.expected].flatMap((e) => {
        const [, id, start, end] = /^(\S+) @(\d+)-(\d+)$/.exec(e)!;
        return +start! <= s.start && s.end <= +end! ? [id!] : [];
      });
      return { text: seed.text.slice(s.start, s.end), labels: [...new Set(ids)].map((id) => ({ id, stance: 'corroborates' as const, alternatives: [], differs: [] })) };
    }),
  );
}
