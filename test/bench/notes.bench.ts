/**
 * Notes benchmark (`npm run bench -- notes`): with 10,000 notes in fake-indexeddb, the time to fetch
 * one page's notes and to search all notes; and re-anchoring 200 notes on a 10k-word page, as a ratio
 * to approx-string-match anchoring the same quotes directly (what Hypothesis does), side by side.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import search from 'approx-string-match';
import { Dexie } from 'dexie';
import { anchor, describe, fuzzyBudget } from '../../lib/anchoring';
import { openNotesDb } from '../../lib/notes/db';
import { listPageNotes, searchNotes } from '../../lib/notes/notes-service';
import { toRecord } from '../../lib/notes/record';
import type { Note } from '../../lib/notes/schema';
import { median } from './median';

const NOTES = 10_000;
const PAGES = 500;
const WORDS = 10_000;
const ANCHORED = 200;

/** Deterministic PRNG (mulberry32) so every run measures the same data. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(42);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const ms = (x: number) => `${x.toFixed(2)} ms`;

const articles = ['000_83cce7683dc0c4f8.txt', '002_1234823e6659f5c9.txt'].map((f) =>
  readFileSync(new URL(`../fixtures/articles/${f}`, import.meta.url), 'utf8'),
);
const vocabulary = articles.join(' ').split(/\s+/).filter(Boolean);

/** A page of `n` words drawn from the articles' vocabulary, in sentences and paragraphs. */
function page(n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.push(pick(vocabulary));
    if (rand() < 0.06) out.push(rand() < 0.25 ? '.\n\n' : '.');
  }
  return out.join(' ').replace(/ \./g, '.');
}

async function timeDb(): Promise<void> {
  const db = openNotesDb(`bench-${crypto.randomUUID()}`);
  const tags = ['venezuela', 'russia', 'troops', 'aid', 'maduro', 'guaido', 'check', 'quote', 'número', 'later'];
  const notes: Note[] = Array.from({ length: NOTES }, (_, i) => {
    const at = Math.floor(rand() * (vocabulary.length - 20));
    const source = `https://site${i % 25}.example.com/story/${i % PAGES}`;
    return {
      id: crypto.randomUUID(),
      target: {
        source,
        url: source,
        title: `Story ${i % PAGES}`,
        quote: { type: 'TextQuoteSelector', exact: vocabulary.slice(at, at + 8).join(' '), prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: at * 6, end: at * 6 + 50 },
      },
      body: { text: Array.from({ length: 20 }, () => pick(vocabulary)).join(' '), tags: [pick(tags), pick(tags)], color: 'yellow' },
      created: i,
      modified: i,
      deviceId: 'bench',
      deleted: i % 50 === 0,
      conflicts: [],
    };
  });
  let t = performance.now();
  await db.notes.bulkAdd(notes.map(toRecord));
  console.log(`stored ${NOTES} notes on ${PAGES} pages in ${ms(performance.now() - t)}`);

  const pageTimes: number[] = [];
  let perPage = 0;
  for (let i = 0; i < 50; i++) {
    t = performance.now();
    const p = (i * 37) % PAGES; // notes i with i % PAGES = p are all on site p % 25
    perPage = (await listPageNotes(db, `https://site${p % 25}.example.com/story/${p}`)).length;
    pageTimes.push(performance.now() - t);
  }
  console.log(`one page's notes (${perPage} notes): median ${ms(median(pageTimes))} over 50 pages`);

  const queries: [string, object][] = [
    ['common word', { text: 'russian' }],
    ['rare word', { text: 'tonkoshkurov' }],
    ['two words', { text: 'russian troops' }],
    ['prefix, any case', { text: 'VENEZ' }],
    ['tag filter', { tag: 'numero' }],
    ['site filter', { site: 'site3.example.com' }],
    ['word + tag', { text: 'caracas', tag: 'aid' }],
  ];
  console.log('\n| search all notes | hits | median of 20 |\n| --- | ---: | ---: |');
  for (const [label, q] of queries) {
    const times: number[] = [];
    let hits = 0;
    for (let i = 0; i < 20; i++) {
      t = performance.now();
      hits = (await searchNotes(db, q)).length;
      times.push(performance.now() - t);
    }
    console.log(`| ${label} \`${JSON.stringify(q)}\` | ${hits} | ${ms(median(times))} |`);
  }
  db.close();
  await Dexie.delete(db.name);
}

/** Baseline: approx-string-match over the whole text for each quote, best (fewest errors) match. */
function baseline(text: string, exact: string, budget: number) {
  let best: { start: number; errors: number } | undefined;
  for (const m of search(text, exact, budget)) if (!best || m.errors < best.errors) best = m;
  return best;
}

function timeAnchoring(): void {
  const before = page(WORDS);
  const notes = Array.from({ length: ANCHORED }, () => {
    const start = Math.floor(rand() * (before.length - 200));
    return describe(before, start, start + 20 + Math.floor(rand() * 130));
  }).sort((a, b) => a.position.start - b.position.start);
  // The page changes as news pages do: a paragraph inserted at 30% (notes after it move), a word
  // changed inside 10% of the quotes (fuzzy), and 2% of the quotes removed (not found).
  let after = before;
  const edits = notes.map((n, i) => (i % 50 === 7 ? 'remove' : i % 10 === 3 ? 'change' : 'keep'));
  for (let i = notes.length - 1; i >= 0; i--) {
    const { start, end } = notes[i]!.position;
    if (edits[i] === 'keep' || (i > 0 && notes[i - 1]!.position.end > start) || end > (notes[i + 1]?.position.start ?? Infinity)) continue;
    const quote = after.slice(start, end);
    const replaced = edits[i] === 'remove' ? '' : quote.replace(/\S+(?=\s\S+\s?$)|^\S+/, 'CHANGED');
    after = after.slice(0, start) + replaced + after.slice(end);
  }
  const cut = Math.floor(after.length * 0.3);
  after = `${after.slice(0, cut)}\n\nAn update was added to this story after publication, with several new sentences of text.\n\n${after.slice(cut)}`;

  compare('unchanged page', before, notes);
  compare('revised page', after, notes);
}

/** Times ours and the baselines on the same text and quotes, interleaved round by round. */
function compare(label: string, text: string, notes: ReturnType<typeof describe>[]): void {
  const rounds = 5;
  const ours: number[] = [];
  const asm: number[] = [];
  const asmHypothesis: number[] = [];
  const methods: Record<string, number> = {};
  for (let r = 0; r < rounds; r++) {
    let t = performance.now();
    for (const n of notes) {
      const a = anchor(text, n);
      if (r === 0) methods[a?.method ?? 'not found'] = (methods[a?.method ?? 'not found'] ?? 0) + 1;
    }
    ours.push(performance.now() - t);
    t = performance.now();
    for (const n of notes) baseline(text, n.quote.exact, fuzzyBudget(n.quote.exact.length));
    asm.push(performance.now() - t);
    t = performance.now();
    for (const n of notes) baseline(text, n.quote.exact, Math.min(256, Math.floor(n.quote.exact.length / 2)));
    asmHypothesis.push(performance.now() - t);
  }
  const [o, a, h] = [median(ours), median(asm), median(asmHypothesis)];
  console.log(`\nre-anchoring ${notes.length} notes, ${label} (${WORDS} words, ${text.length} chars), median of ${rounds} rounds`);
  console.log(`methods: ${Object.entries(methods).map(([k, v]) => `${k} ${v}`).join(', ')}\n`);
  console.log('| anchoring | time | ours ÷ this |\n| --- | ---: | ---: |');
  console.log(`| ours (position → quote → fuzzy) | ${ms(o)} | 1.000 |`);
  console.log(`| approx-string-match, same error budget (len/4) | ${ms(a)} | ${(o / a).toPrecision(2)} |`);
  console.log(`| approx-string-match, Hypothesis budget (len/2) | ${ms(h)} | ${(o / h).toPrecision(2)} |`);
}

/** Runs the notes benchmarks, printing figures. */
export default async function (): Promise<void> {
  await timeDb();
  timeAnchoring();
}
