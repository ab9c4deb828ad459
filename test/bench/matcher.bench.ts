/**
 * Matcher benchmark (issue 4): time per page for 1k/10k/50k-word articles against the real database
 * grown synthetically to 1k/10k/100k claims, a naive all-pairs baseline on the 10k-word page, and the
 * index's build time, memory and size, plus the matcher's minified+gzipped bundle size. One process,
 * side by side, so the ratios compare like with like.
 */
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import data from '../../lib/claims/database.json';
import { loadClaimDatabase } from '../../lib/claims/database';
import type { Claim, ClaimDatabase } from '../../lib/claims/schema';
import { buildClaimIndex, type ClaimIndex } from '../../lib/matcher/claim-index';
import { matchText, MIN_COVERAGE } from '../../lib/matcher/match';
import { readSentence } from '../../lib/matcher/facts';
import { splitSentences } from '../../lib/matcher/sentences';
import sentences from '../fixtures/eval/sentences.json';

/** Deterministic PRNG (mulberry32) so every run builds the same pages and databases. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(42);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

const SYLLABLES = ['ka', 'lo', 'mir', 'zen', 'tro', 'va', 'bel', 'dan', 'gor', 'ish', 'nu', 'per', 'sal', 'tek', 'ul', 'vor', 'ya', 'zum', 'ri', 'os'];
const NEWS_WORDS = 'minister council vote court ruling budget protest strike election mayor port harbour grain export tariff bank loan bridge railway hospital school flood drought fire storm ceasefire treaty summit embassy refinery pipeline mine factory union pension reform inquiry audit senator governor parliament coalition'.split(' ');
const VERBS = 'approved rejected signed opened closed announced delayed blocked funded suspended launched cancelled'.split(' ');
const MONTHS = 'January February March April May June July August September October November December'.split(' ');

/** A pseudo-word vocabulary: plausible names and terms that real pages do not contain. */
const VOCAB = Array.from({ length: 20000 }, () => Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(SYLLABLES)).join(''));

function syntheticClaim(i: number): Claim {
  const name = () => { const w = pick(VOCAB); return w[0]!.toUpperCase() + w.slice(1); };
  const count = 2 + Math.floor(random() * 900);
  const month = pick(MONTHS);
  return {
    id: `synthetic-${i}`,
    statement: `${name()} ${pick(NEWS_WORDS)} ${pick(VERBS)} ${count} ${pick(NEWS_WORDS)}s in ${name()} ${pick(VOCAB)} ${pick(VOCAB)} in ${month}.`,
    type: 'reported-fact',
    entities: [],
    facts: [
      { key: 'count', kind: 'number', value: count, text: String(count) },
      { key: 'when', kind: 'date', value: `2019-${String(MONTHS.indexOf(month) + 1).padStart(2, '0')}`, text: `in ${month}` },
    ],
  };
}

function grow(db: ClaimDatabase, size: number): ClaimDatabase {
  const extra = Array.from({ length: Math.max(0, size - db.claims.length) }, (_, i) => syntheticClaim(i));
  return { ...db, claims: [...db.claims, ...extra] };
}

const FILLER = 'the a officials said on and in of residents were waiting for news as markets opened lower while analysts expected further talks between ministers next week after the long weekend rain across the region'.split(' ');
const paraphrases = (sentences as { text: string; claimId: string | null }[]).filter((s) => s.claimId).map((s) => s.text);

/** An article of about `words` words: one paraphrase of a claim, then a few filler sentences, repeated. */
function article(words: number): string {
  const out: string[] = [];
  let n = 0;
  while (n < words) {
    const s = out.length % 5 === 0 ? pick(paraphrases) : `${Array.from({ length: 12 + Math.floor(random() * 12) }, () => pick(FILLER)).join(' ')}.`;
    out.push(s[0]!.toUpperCase() + s.slice(1));
    n += s.split(/\s+/).length;
    if (out.length % 4 === 0) out.push('\n\n');
  }
  return out.join(' ');
}

function timePerPage(index: ClaimIndex, text: string, minMs = 300): number {
  matchText(index, text); // warm up
  const times: number[] = [];
  const t0 = performance.now();
  while (performance.now() - t0 < minMs || times.length < 3) {
    const t = performance.now();
    matchText(index, text);
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

/** The baseline the index replaces: every sentence scored against every claim wording. */
function naiveMatch(index: ClaimIndex, text: string): number {
  let found = 0;
  for (const span of splitSentences(text)) {
    const s = readSentence(text.slice(span.start, span.end), span.start);
    for (const v of index.variants) {
      let have = 0;
      for (const t of v.terms) if (s.terms.has(t)) have += index.weights[t]!;
      if (have / v.total >= MIN_COVERAGE) found++;
    }
  }
  return found;
}

const gc = (globalThis as { gc?: () => void }).gc;
const heap = () => (gc?.(), process.memoryUsage().heapUsed);
const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));

export default async function bench(): Promise<void> {
  const db = loadClaimDatabase(data);
  const pages = { '1k': article(1000), '10k': article(10000), '50k': article(50000) };
  const sizes = [1000, 10000, 100000];
  const indexes: ClaimIndex[] = [];
  console.log('| claims | index build (ms) | index heap (MB) | index JSON (kB gz) |');
  console.log('| --- | --- | --- | --- |');
  for (const size of sizes) {
    const grown = grow(db, size);
    const before = heap();
    const t = performance.now();
    const index = buildClaimIndex(grown);
    const took = performance.now() - t;
    const mem = (heap() - before) / 1e6;
    indexes.push(index);
    console.log(`| ${size} | ${took.toFixed(0)} | ${mem.toFixed(1)} | ${(gzipSync(JSON.stringify(index)).length / 1024).toFixed(0)} |`);
  }
  if (!gc) console.log('\n(heap figures without --expose-gc are rough: run `node --expose-gc --import tsx test/bench/index.ts matcher` for exact ones)');
  const real = buildClaimIndex(db);
  console.log(`\nreal database: ${db.claims.length} claims, index JSON ${(JSON.stringify(real).length / 1024).toFixed(1)} kB (${(gzipSync(JSON.stringify(real)).length / 1024).toFixed(1)} kB gzipped)`);

  // Warm the JIT on every page and index first, so the first column is not charged for it.
  const warm = performance.now();
  while (performance.now() - warm < 1500) for (const ix of indexes) for (const text of Object.values(pages)) matchText(ix, text.slice(0, 20000));
  console.log('\nTime per page (ms, median):\n');
  console.log(`| page | ${sizes.map((s) => `${s / 1000}k claims`).join(' | ')} | 100k / 1k |`);
  console.log('| --- | --- | --- | --- | --- |');
  for (const [name, text] of Object.entries(pages)) {
    const times = indexes.map((ix) => timePerPage(ix, text));
    console.log(`| ${name} words | ${times.map(ms).join(' | ')} | ${(times[2]! / times[0]!).toFixed(2)}× |`);
  }

  console.log('\nIndex against naive all-pairs, 10k-word page (ms):\n');
  console.log('| claims | matcher | naive all-pairs | speed-up |');
  console.log('| --- | --- | --- | --- |');
  for (const [i, size] of sizes.slice(0, 2).entries()) {
    const fast = timePerPage(indexes[i]!, pages['10k']);
    const t = performance.now();
    naiveMatch(indexes[i]!, pages['10k']);
    const slow = performance.now() - t;
    console.log(`| ${size} | ${ms(fast)} | ${ms(slow)} | ${(slow / fast).toFixed(0)}× |`);
  }

  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('../../lib/matcher/index.ts', import.meta.url))],
    bundle: true, minify: true, write: false, format: 'esm', platform: 'browser',
  });
  const code = bundle.outputFiles[0]!.contents;
  console.log(`\nmatcher bundle (lib/matcher/index.ts, minified): ${(code.length / 1024).toFixed(1)} kB, ${(gzipSync(code).length / 1024).toFixed(1)} kB gzipped`);
  console.log(`pages: ${Object.entries(pages).map(([k, v]) => `${k} = ${v.split(/\s+/).length} words`).join(', ')}`);
}
