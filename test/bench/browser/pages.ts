/**
 * Pages for the browser benchmarks, written to a folder and served: news articles of unique text
 * (no paragraph repeats, so nothing is matched for free), about one claim-bearing sentence per 100
 * words, drawn from the labelled evaluation set; a page with no claim; and a busy page whose text
 * changes every 10 ms.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PAGE_SOURCES } from '../../support/fixture-pages';

/** Everyday words far from the claim database's events, for text that states no claim. */
const FILLER = (
  'garden tomato basil morning coffee kitchen recipe oven bread flour butter market farmer harvest ' +
  'autumn leaves river bridge walk dog park bench neighbour library book chapter author reading ' +
  'school teacher lesson painting colour canvas music piano concert ticket station train platform ' +
  'bicycle helmet weekend picnic basket cheese apple orchard cider festival lantern parade costume ' +
  'sunny cloudy rain umbrella boots puddle meadow flower bee honey jar shelf window curtain lamp'
).split(' ');
const GLUE = 'the a of and in on with for to at from by near after before while'.split(' ');

/** A small deterministic generator, so that each page is the same from run to run. */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => ((s = Math.imul(s ^ (s >>> 15), 2246822507) ^ Math.imul(s ^ (s >>> 13), 3266489909)) >>> 0) / 2 ** 32;
}

function fillerSentence(next: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    const pool = i % 3 === 1 ? GLUE : FILLER;
    out.push(pool[Math.floor(next() * pool.length)]!);
  }
  // A made-up name in each sentence keeps every sentence of every page unique.
  out.splice(2, 0, `Ms ${String.fromCharCode(65 + Math.floor(next() * 26))}${Math.floor(next() * 1e6).toString(36)}`);
  const text = out.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

const claimSentences = (): string[] =>
  (JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/eval/sentences.json'), 'utf8')) as { text: string; claimId: string | null }[])
    .filter((s) => s.claimId)
    .map((s) => s.text);

/** An article of about `words` words; with `claims`, about one claim-bearing sentence per 100 words. */
export function article(words: number, seed: number, claims = true): string {
  const next = random(seed);
  const stated = claimSentences();
  const paragraphs: string[] = [];
  let count = 0;
  let sinceClaim = 0;
  while (count < words) {
    const sentences: string[] = [];
    const target = 60 + Math.floor(next() * 60);
    let length = 0;
    while (length < target) {
      if (claims && sinceClaim >= 100) {
        const s = stated[Math.floor(next() * stated.length)]!;
        sentences.push(s);
        length += s.split(' ').length;
        sinceClaim = 0;
      } else {
        const n = 10 + Math.floor(next() * 10);
        sentences.push(fillerSentence(next, n));
        length += n + 2;
        sinceClaim += n + 2;
      }
    }
    paragraphs.push(`<p>${sentences.join(' ')}</p>`);
    count += length;
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Benchmark article ${seed}</title>
<link rel="stylesheet" href="/news.css"></head><body><main class="layout"><article class="story">
<h1>${fillerSentence(next, 8)}</h1>
${paragraphs.join('\n')}
</article></main></body></html>`;
}

/**
 * The same article behind a script that holds the page's main thread for `holdMs` as it starts,
 * as a news site's scripts do: a worker the page started has that long to load before the page is read.
 */
export function slowArticle(words: number, seed: number, holdMs: number): string {
  return article(words, seed).replace('<body>', `<body><script>{ const start = performance.now(); while (performance.now() - start < ${holdMs}); }</script>`);
}

/**
 * A page with `nodes` text nodes (in paragraphs of ten spans) whose script changes one text node
 * every 10 ms, for as long as it is open.
 */
export function busyPage(nodes: number, seed: number): string {
  const next = random(seed);
  const paragraphs: string[] = [];
  for (let i = 0; i < nodes / 10; i++) {
    const spans = Array.from({ length: 10 }, () => `<span>${fillerSentence(next, 6)} </span>`);
    paragraphs.push(`<p>${spans.join('')}</p>`);
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Busy page</title></head><body>
<article>${paragraphs.join('\n')}</article>
<script>
  const spans = document.getElementsByTagName('span');
  let n = 0;
  setInterval(() => { spans[(n * 7919) % spans.length].firstChild.data = 'Changed ' + ++n + ' times. '; }, 10);
</script></body></html>`;
}

/** Writes the pages a benchmark asks for into `dir`, with the demo's stylesheet and mark.js. */
export function writePages(dir: string, pages: Record<string, string>): void {
  copyFileSync(join(PAGE_SOURCES, 'news.css'), join(dir, 'news.css'));
  copyFileSync(join(import.meta.dirname, '../../../node_modules/mark.js/dist/mark.min.js'), join(dir, 'mark.min.js'));
  writeFileSync(join(dir, 'blank.html'), '<!doctype html><title>blank</title><p>blank</p>');
  for (const [name, html] of Object.entries(pages)) writeFileSync(join(dir, name), html);
}
