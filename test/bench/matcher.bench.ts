/**
 * Matcher benchmark (issue 10): on a 10k-word page of unique text, the time to match it with the
 * real database grown to 1k, 10k and 100k claims, side by side; what loading costs (the lexicon, each
 * index); the heap with everything loaded; and the zipped extension's size. One process, so the
 * ratios compare like with like.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { deflateRawSync } from 'node:zlib';
import data from '@/lib/claims/database.json';
import { LEXICON_FILE } from '@/lib/cli/lexicon-file';
import { loadClaimDatabase } from '@/lib/claims/database';
import type { Claim, ClaimDatabase } from '@/lib/claims/schema';
import type { ClaimIndex } from '@/lib/matcher/claim-index';
import type * as Matcher from '@/lib/matcher/index';
import { restoreIndex, storeIndex } from '@/lib/matcher/index-store';
import { readSentence } from '@/lib/matcher/facts';
import { reach } from '@/lib/matcher/reach';
import { candidates } from '@/lib/matcher/match';
import { splitSentences } from '@/lib/matcher/sentences';
import sentences from '../fixtures/eval/sentences.json';
import { median } from './median';

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
// Ordinary news words, so that synthetic claims share vocabulary with pages as real ones do.
const NEWS = ('minister council vote court ruling budget protest strike election mayor port harbour grain export tariff bank loan bridge ' +
  'railway hospital school flood drought fire storm ceasefire treaty summit embassy refinery pipeline mine factory union pension reform ' +
  'inquiry audit senator governor parliament coalition police army troops aircraft ship border talks sanctions oil gas prices market').split(' ');
const VERBS = 'approved rejected signed opened closed announced delayed blocked funded suspended launched cancelled sent arrived left'.split(' ');
const MONTHS = 'January February March April May June July August September October November December'.split(' ');
const name = () => {
  const w = Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(SYLLABLES)).join('');
  return w[0]!.toUpperCase() + w.slice(1);
};

function syntheticClaim(i: number): Claim {
  const count = 2 + Math.floor(random() * 900);
  const month = pick(MONTHS);
  return {
    id: `synthetic-${i}`,
    statement: `${name()} ${pick(NEWS)} ${pick(VERBS)} ${count} ${pick(NEWS)} in ${name()} after the ${pick(NEWS)} ${pick(NEWS)} in ${month}.`,
    type: 'reported-fact',
    entities: [],
    facts: [
      { key: 'count', kind: 'number', value: count, text: String(count) },
      { key: 'when', kind: 'date', value: `2019-${String(MONTHS.indexOf(month) + 1).padStart(2, '0')}`, text: `in ${month}` },
    ],
  };
}

const grow = (db: ClaimDatabase, size: number): ClaimDatabase => ({
  ...db,
  claims: [...db.claims, ...Array.from({ length: Math.max(0, size - db.claims.length) }, (_, i) => syntheticClaim(i))],
});

const paraphrases = (sentences as { text: string; claimId: string | null }[]).filter((s) => s.claimId).map((s) => s.text);
const FILLER = 'officials residents markets analysts ministers weather region morning traffic schools prices families workers farmers'.split(' ');

/** A page of about `words` words of unique text: sentences of new names and ordinary words, with a claim about every 100 words. */
function page(words: number): string {
  const out: string[] = [];
  let n = 0;
  while (n < words) {
    const s =
      out.length % 6 === 5
        ? pick(paraphrases)
        : `${name()} ${pick(FILLER)} said the ${pick(NEWS)} near ${name()} ${pick(VERBS)} ${pick(NEWS)} ${pick(FILLER)} as ${name()} ${pick(FILLER)} waited for the ${pick(NEWS)}.`;
    out.push(s);
    n += s.split(/\s+/).length;
    if (out.length % 4 === 0) out.push('\n\n');
  }
  return out.join(' ');
}

/** Median CPU time of one page (the process's own CPU time: other work on a busy machine counts less than in wall time). */
function timePerPage(matchText: (index: ClaimIndex, text: string) => unknown, index: ClaimIndex, text: string, runs = 7): number {
  matchText(index, text); // warm up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.cpuUsage();
    matchText(index, text);
    const used = process.cpuUsage(t);
    times.push((used.user + used.system) / 1000);
  }
  return median(times);
}

/** Roughly what `npm run zip` makes: each file deflated, plus zip's headers. */
function zippedSize(dir: string): number {
  let bytes = 22;
  for (const entry of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) continue;
    bytes += deflateRawSync(readFileSync(path), { level: 9 }).length + 76 + 2 * entry.length;
  }
  return bytes;
}

const gc = (globalThis as { gc?: () => void }).gc;
const heap = () => (gc?.(), process.memoryUsage().heapUsed);
const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));
const mb = (x: number) => `${(x / 1e6).toFixed(1)} MB`;

/** The bench's page and databases, for profiling the matcher apart from the bench. */
export function fixtures(): { text: string; grown: (size: number) => ClaimDatabase } {
  return { text: page(10_000), grown: (size) => grow(loadClaimDatabase(data), size) };
}

/**
 * The matcher as it ships: bundled and minified by esbuild, as WXT does, rather than run through
 * tsx (whose kept function names cost about a tenth of the time).
 */
async function shipped(): Promise<typeof Matcher> {
  const outfile = join(mkdtempSync(join(tmpdir(), 'crosscheck-bench-')), 'matcher.mjs');
  await build({ entryPoints: [fileURLToPath(new URL('../../lib/matcher/index.ts', import.meta.url))], bundle: true, minify: true, format: 'esm', platform: 'neutral', outfile, logLevel: 'error' });
  return import(pathToFileURL(outfile).href) as Promise<typeof Matcher>;
}

export default async function bench(): Promise<void> {
  const { buildClaimIndex, decodeLexicon, Lexicon, matchText } = await shipped();
  const db = loadClaimDatabase(data);
  const text = page(10_000);
  const bytes = new Uint8Array(readFileSync(LEXICON_FILE));
  const loads = Array.from({ length: 5 }, () => {
    const t = performance.now();
    new Lexicon(decodeLexicon(bytes));
    return performance.now() - t;
  });
  const before = heap();
  const lexicon = new Lexicon(decodeLexicon(bytes));
  const lexiconBytes = heap() - before;
  console.log(`lexicon: ${mb(bytes.length)} file, decoded in ${ms(median(loads))} ms (median of 5), ${mb(lexiconBytes)} of heap`);

  const sizes = [1000, 10_000, 100_000];
  const indexes: ClaimIndex[] = [];
  const indexBytes: number[] = [];
  console.log('\n| claims | index build (ms) | index heap |');
  console.log('| --- | --- | --- |');
  for (const size of sizes) {
    // The heap counted holds the database's claims too: the index reads their facts on first use.
    const start = heap();
    let grown: ClaimDatabase | undefined = grow(db, size);
    const t = performance.now();
    indexes.push(buildClaimIndex(grown, lexicon));
    const took = performance.now() - t;
    grown = undefined;
    indexBytes.push(heap() - start);
    console.log(`| ${size} | ${took.toFixed(0)} | ${mb(indexBytes[indexBytes.length - 1]!)} |`);
  }

  // A persisted index is read back, not built again: structuredClone is what IndexedDB does to it.
  const stored = structuredClone(storeIndex(indexes[2]!, 'bench'));
  const restoreStart = performance.now();
  restoreIndex(structuredClone(stored), lexicon, grow(db, 100_000).claims);
  console.log(`\n100k-claim index read back from its stored form (structured clone, as IndexedDB): ${(performance.now() - restoreStart).toFixed(0)} ms, against building it above`);

  const warm = performance.now();
  while (performance.now() - warm < 1500) for (const ix of indexes) matchText(ix, text.slice(0, 20_000));
  const times = indexes.map((ix) => timePerPage(matchText, ix, text));

  // How much work the index saves: wordings reached, and claims scored, per sentence.
  for (const [i, ix] of indexes.entries()) {
    let count = 0;
    let reachedN = 0;
    let scored = 0;
    for (const sp of splitSentences(text)) {
      const s = readSentence(ix.tokenizer, text.slice(sp.start, sp.end), sp.start);
      const r = reach(ix, s);
      count++;
      reachedN += r.variants.length;
      scored += candidates(ix, s, r, new Set()).length;
    }
    console.log(`${sizes[i]} claims: ${(reachedN / count).toFixed(1)} wordings reached and ${(scored / count).toFixed(1)} claims scored per sentence (${count} sentences)`);
  }
  console.log(`\nA 10k-word page of unique text (${text.split(/\s+/).length} words), CPU ms per page (median of 7):\n`);
  console.log(`| ${sizes.map((s) => `${s / 1000}k claims`).join(' | ')} | 100k ÷ 1k | target |`);
  console.log('| --- | --- | --- | --- | --- |');
  console.log(`| ${times.map(ms).join(' | ')} | ${(times[2]! / times[0]!).toFixed(2)}× | ≤ 50 ms at 1k; ≤ 2× |`);
  console.log(`\nheap with everything loaded (the lexicon, and the 100k claims with their index): ${mb(lexiconBytes + indexBytes[2]!)}${gc ? '' : ' (rough: run with node --expose-gc for exact)'} (target: ≤ 150 MB)`);
  try {
    console.log(`zipped extension (.output/chrome-mv3): about ${mb(zippedSize('.output/chrome-mv3'))} (target: ≤ 15 MB)`);
  } catch {
    console.log('zipped extension: build first (npm run bench builds it)');
  }
}
