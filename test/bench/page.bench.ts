/**
 * Claims on a page, in real headless Chromium with the built extension: the time from the content
 * script's start to highlights painted on a 10k-word article, side by side with a bare TreeWalker
 * walk of the same page's text and with mark.js marking the same matched sentences; and the size
 * of the injected content script.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { launchChromium } from '../support/chromium';
import { median } from './median';
import { CHROME_BUILD } from '../support/browsers';
import { serveFolder } from '../support/static-server';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { PAGES_DIR } from '../support/static-server';

const RUNS = 7;

/** Words with no digits and no claim, to make every paragraph of one page's edition new text. */
const EDITIONS = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot', 'Golf', 'Hotel', 'India', 'Juliet'];

/**
 * A long news page: the demo articles' paragraphs (claims and all) repeated to `words` words.
 * Each edition opens every paragraph with its own short sentence, so no block of one edition has
 * been matched before in another: the background's memory of blocks cannot help.
 */
function longArticle(words: number, edition: string): string {
  const paragraphs = ['article-a.html', 'article-b.html', 'article-c.html'].flatMap((f) =>
    [...readFileSync(join(PAGES_DIR, f), 'utf8').matchAll(/<p>(.*?)<\/p>/g)].map((m) => m[1]!),
  );
  const body: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const p = paragraphs[i % paragraphs.length]!;
    body.push(`<p>Edition ${edition}. ${p}</p>`);
    count += p.split(/\s+/).length;
  }
  return `<!doctype html><html><head><meta charset="utf-8"><title>Long article</title>
<link rel="stylesheet" href="/news.css"></head><body><main class="layout"><article class="story">
<h1>A long article</h1>${body.join('\n')}</article></main></body></html>`;
}

export default async function bench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-bench-'));
  for (const edition of EDITIONS) writeFileSync(join(dir, `long-${edition}.html`), longArticle(10_000, edition));
  copyFileSync(join(PAGES_DIR, 'news.css'), join(dir, 'news.css'));
  writeFileSync(join(dir, 'mark.min.js'), readFileSync('node_modules/mark.js/dist/mark.min.js'));
  const server = await serveFolder(dir);
  const session = await launchChromium();
  try {
    const page = await session.context.newPage();
    // tsx keeps function names with an `__name` helper that the page does not have.
    await page.addInitScript('globalThis.__name = (f) => f');
    const timeToPaint = async (url: string) => {
      await page.goto(url);
      await page.waitForFunction(() => performance.getEntriesByName('crosscheck:painted').length > 0, null, { timeout: 30_000 });
      return page.evaluate(
        () => performance.getEntriesByName('crosscheck:painted')[0]!.startTime - performance.getEntriesByName('crosscheck:start')[0]!.startTime,
      );
    };
    await timeToPaint(`${server.origin}/long-${EDITIONS[0]}.html`); // builds the claim index once
    // A new article each time (cold), then the same article again (a reload, a second tab).
    const crosscheck: number[] = [];
    const revisit: number[] = [];
    for (let i = 1; i <= RUNS; i++) {
      crosscheck.push(await timeToPaint(`${server.origin}/long-${EDITIONS[i]}.html`));
      revisit.push(await timeToPaint(`${server.origin}/long-${EDITIONS[i]}.html`));
    }
    const painted = await page.evaluate(() =>
      ['crosscheck-claim', 'crosscheck-conflict'].flatMap((n) => [...(CSS.highlights.get(n) ?? [])].map((r) => (r as Range).toString())),
    );
    const words = await page.evaluate(() => document.body.innerText.split(/\s+/).filter(Boolean).length);
    // A bare walk of the same page's text nodes: the least any highlighter must do. Pages get
    // performance.now() coarsened to 0.1 ms, so each sample times 50 walks.
    const walk = await page.evaluate((runs) => {
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        let chars = 0;
        for (let j = 0; j < 50; j++) {
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) chars += (walker.currentNode as Text).data.length;
        }
        times.push((performance.now() - t0) / 50);
        if (chars === 0) throw new Error('The page has no text to walk');
      }
      return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
    }, RUNS);
    // mark.js marking the same sentences Crosscheck found (exact strings, no fuzzy matching).
    const unique = [...new Set(painted)];
    const markjs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await page.goto(`${server.origin}/long-${EDITIONS[1]}.html?markjs`);
      await page.addScriptTag({ url: '/mark.min.js' });
      markjs.push(
        await page.evaluate(
          (strings) =>
            new Promise<number>((done) => {
              const t0 = performance.now();
              const Mark = (window as unknown as { Mark: new (el: Element) => { mark(s: string[], o: object): void } }).Mark;
              new Mark(document.body).mark(strings, {
                separateWordSearch: false,
                acrossElements: true,
                done: () => done(performance.now() - t0),
              });
            }),
          unique,
        ),
      );
    }
    const script = readFileSync(join(CHROME_BUILD, 'content-scripts/content.js'));
    const cc = median(crosscheck);
    const w = walk;
    const mj = median(markjs);
    console.log(`page: ${words.toLocaleString('en')} words, ${painted.length} highlights (${unique.length} distinct sentences), median of ${RUNS} loads`);
    console.log('| measure | ms | ratio |');
    console.log('| --- | ---: | ---: |');
    console.log(`| Crosscheck: content script start → highlights painted, new article | ${cc.toFixed(1)} | ${(cc / w).toFixed(1)}× the walk |`);
    console.log(`| Crosscheck: the same article again (reload, second tab) | ${median(revisit).toFixed(1)} | ${(median(revisit) / w).toFixed(1)}× the walk |`);
    console.log(`| bare TreeWalker walk of the page's text | ${w.toFixed(3)} | 1 |`);
    console.log(`| mark.js marking the same ${unique.length} sentences | ${mj.toFixed(1)} | Crosscheck is ${(mj / cc).toFixed(1)}× faster |`);
    console.log(`content script: ${(script.length / 1024).toFixed(1)} kB, ${(gzipSync(script).length / 1024).toFixed(1)} kB gzipped (target < 30 kB)`);
  } finally {
    await session.close();
    await server.close();
  }
}
