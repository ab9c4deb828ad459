/**
 * Re-anchoring benchmark, run by notes.bench.ts: 200 notes on revised 10k- and 100k-word pages,
 * Crosscheck (`lib/anchoring`) against Hypothesis's approach (hypothesis-anchor.ts), interleaved
 * round by round in one process; then 5,000- and 2,000-character quotes on a 1 MB page, where the
 * work is bounded, with Hypothesis's approach beside it (in a worker, stopped after 10 s).
 */
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { anchor, describe, locate, type TextSelectors } from '@/lib/anchoring';
import { hypothesisAnchor } from './hypothesis-anchor';
import { median } from './median';
import { rng } from './rng';

export { rng };

const articles = ['000_83cce7683dc0c4f8.txt', '002_1234823e6659f5c9.txt'].map((f) =>
  readFileSync(new URL(`../fixtures/articles/${f}`, import.meta.url), 'utf8'),
);
/** The words of the two source articles. */
export const vocabulary = articles.join(' ').split(/\s+/).filter(Boolean);

const rand = rng(7);
const ms = (x: number) => `${x.toFixed(2)} ms`;
const NOTES = 200;
const LIMIT_MS = 10_000;

/** A page of `n` words drawn from the articles' vocabulary, in sentences and paragraphs. */
function page(n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.push(vocabulary[Math.floor(rand() * vocabulary.length)]!);
    if (rand() < 0.06) out.push(rand() < 0.25 ? '.\n\n' : '.');
  }
  return out.join(' ').replace(/ \./g, '.');
}

/**
 * 200 notes on a page of `words` words, and the page revised as news pages are: a paragraph
 * inserted at 30% (notes after it move), a word changed inside 10% of the quotes (fuzzy), a word
 * changed just before 10% of them (context), and 2% of the quotes removed (not found).
 */
function revisedPage(words: number): { text: string; notes: TextSelectors[] } {
  const before = page(words);
  const notes = Array.from({ length: NOTES }, () => {
    const start = Math.floor(rand() * (before.length - 200));
    return describe(before, start, start + 20 + Math.floor(rand() * 130));
  }).sort((a, b) => a.position.start - b.position.start);
  let text = before;
  for (let i = notes.length - 1; i >= 0; i--) {
    const { start, end } = notes[i]!.position;
    const edit = i % 50 === 7 ? 'remove' : i % 10 === 3 ? 'inside' : i % 10 === 5 ? 'before' : 'keep';
    if (edit === 'keep' || (i > 0 && notes[i - 1]!.position.end > start - 20) || end > (notes[i + 1]?.position.start ?? Infinity)) continue;
    if (edit === 'before') text = `${text.slice(0, start - 12)}altered${text.slice(start - 6)}`;
    else text = text.slice(0, start) + (edit === 'remove' ? '' : text.slice(start, end).replace(/\S+(?=\s\S+\s?$)|^\S+/, 'CHANGED')) + text.slice(end);
  }
  const cut = Math.floor(text.length * 0.3);
  text = `${text.slice(0, cut)}\n\nAn update was added to this story after publication, with several new sentences of text.\n\n${text.slice(cut)}`;
  return { text, notes: notes.map(({ quote, position }) => ({ quote, position })) };
}

/** Crosscheck against Hypothesis's approach on a revised page, interleaved round by round. */
function compareRevised(words: number): void {
  const { text, notes } = revisedPage(words);
  const rounds = 9;
  for (const n of notes) {
    anchor(text, n); // warm up both
    hypothesisAnchor(text, n);
  }
  const ours: number[] = [];
  const theirs: number[] = [];
  const methods: Record<string, number> = {};
  let agree = 0;
  for (let r = 0; r < rounds; r++) {
    let t = performance.now();
    const found = notes.map((n) => anchor(text, n));
    ours.push(performance.now() - t);
    t = performance.now();
    const hypothesis = notes.map((n) => hypothesisAnchor(text, n));
    theirs.push(performance.now() - t);
    if (r > 0) continue;
    for (const [i, a] of found.entries()) {
      methods[a?.method ?? 'not found'] = (methods[a?.method ?? 'not found'] ?? 0) + 1;
      const h = hypothesis[i];
      if (a ? h && h.start === a.start && h.end === a.end : !h) agree++;
    }
  }
  const [o, h] = [median(ours), median(theirs)];
  const how = Object.entries(methods).map(([k, v]) => `${k} ${v}`).join(', ');
  console.log(`| ${words / 1000}k words (${(text.length / 1000).toFixed(0)}k chars) | ${ms(o)} | ${ms(h)} | **${(o / h).toFixed(2)}×** | ${how}; same place as Hypothesis: ${agree} of ${notes.length} |`);
}

/** On a revised page of about 1 MB: the slowest single note (anchorAll yields between notes). */
function slowestNote(words: number): void {
  const { text, notes } = revisedPage(words);
  for (const n of notes) anchor(text, n); // warm up
  const times = notes.map((n) => {
    const t = performance.now();
    anchor(text, n);
    return performance.now() - t;
  });
  const total = times.reduce((a, b) => a + b, 0);
  console.log(`\n${(text.length / 1e6).toFixed(1)} MB page (${words / 1000}k words), revised: ${NOTES} notes in ${ms(total)}, slowest note ${ms(Math.max(...times))}`);
}

/** Hypothesis's approach in a worker, so that a run that does not finish can be stopped. */
function hypothesisInWorker(text: string, note: TextSelectors): Promise<string> {
  const module = new URL('./hypothesis-anchor.ts', import.meta.url).href;
  const code = `const { parentPort, workerData } = require('node:worker_threads');
    import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(module)}); }).then(({ hypothesisAnchor }) => {
      const t = performance.now(); const found = hypothesisAnchor(workerData.text, workerData.note);
      parentPort.postMessage(\`\${(performance.now() - t).toFixed(1)} ms, \${found ? 'found' : 'not found'}\`);
    });`;
  const worker = new Worker(code, { eval: true, workerData: { text, note } });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => void worker.terminate().then(() => resolve(`did not finish in ${LIMIT_MS / 1000} s (stopped)`)), LIMIT_MS);
    worker.once('message', (m: string) => void worker.terminate().then(() => (clearTimeout(timer), resolve(m))));
    worker.once('error', (e) => (clearTimeout(timer), reject(e)));
  });
}

/** One long quote on a 1 MB page: Crosscheck's time, work and answer, and Hypothesis's beside it. */
async function longQuote(label: string, original: string, revised: string, at: number, length: number): Promise<void> {
  const note = describe(original, at, at + length);
  const times: number[] = [];
  let report = locate(revised, note);
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    report = locate(revised, note);
    times.push(performance.now() - t);
  }
  const answer = report.anchor ? `${report.anchor.method} at ${report.anchor.start}` : 'not found';
  const bound = report.limited ? ', bounded' : '';
  console.log(`| ${label}, ${length.toLocaleString('en')}-char quote | ${ms(median(times))}: ${answer} (work ${report.work.toLocaleString('en')}${bound}) | ${await hypothesisInWorker(revised, note)} |`);
}

/** Runs the re-anchoring benchmarks, printing figures. */
export async function timeAnchoring(): Promise<void> {
  console.log(`\nre-anchoring ${NOTES} notes on a revised page, median of 9 rounds\n`);
  console.log('| page | Crosscheck | Hypothesis (exact, then approx-string-match) | ratio | Crosscheck found by |\n| --- | ---: | ---: | ---: | --- |');
  compareRevised(10_000);
  compareRevised(100_000);
  slowestNote(150_000);

  const text = page(180_000).slice(0, 1_000_000);
  const repeated = 'Troops arrived on Saturday, officials said. '.repeat(25_000).slice(0, 1_000_000);
  const edit = (t: string, at: number) => `${t.slice(0, at)}CHANGED${t.slice(at + 10)}`;
  console.log(`\none long quote on a 1 MB page, median of 5\n`);
  console.log('| case | Crosscheck | Hypothesis |\n| --- | --- | --- |');
  for (const length of [5000, 2000]) {
    const middle = 500_000 + length / 2;
    await longQuote('word changed inside', text, edit(text, middle), 500_000, length);
    await longQuote('quote removed', text, text.slice(0, 500_000) + text.slice(500_000 + length), 500_000, length);
    await longQuote('repeated text, word changed inside', edit(repeated, middle), repeated, 500_000, length);
  }
}
