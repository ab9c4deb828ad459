/**
 * What a page costs without Crosscheck's design, for comparison: the one-shot floor (the least any
 * highlighter must do once the matches are known) and mark.js marking the same sentences.
 */
import type { CDPSession } from 'playwright-core';
import { openTab } from './measure';
import type { Variant } from './variants';

const threadMs = async (cdp: CDPSession) =>
  (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')!.value * 1000;

/** The distinct texts Crosscheck painted on a page (loaded in Crosscheck's browser). */
export async function paintedSentences(crosscheck: Variant, origin: string, path: string, settleMs: number): Promise<string[]> {
  const { page } = await openTab(crosscheck, origin, false);
  await page.goto(`${origin}/${path}`);
  await page.waitForTimeout(settleMs);
  const sentences = await page.evaluate(() => [...new Set([...CSS.highlights.values()].flatMap((h) => [...h].map((r) => (r as Range).toString())))]);
  await page.close();
  return sentences;
}

/**
 * The floor, in a browser without extensions: main-thread CPU of one TreeWalker pass over the
 * page's text, a Range per painted sentence, one `CSS.highlights.set`, and the rendering after it.
 */
export async function measureFloor(plain: Variant, origin: string, path: string, sentences: string[], rounds: number): Promise<number[]> {
  const out: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const { page, cdp } = await openTab(plain, origin, false);
    await page.goto(`${origin}/${path}`);
    await page.waitForTimeout(500);
    const before = await threadMs(cdp);
    await page.evaluate((wanted) => {
      const ranges: Range[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode as Text;
        for (const s of wanted) {
          const at = node.data.indexOf(s);
          if (at < 0) continue;
          const range = new Range();
          range.setStart(node, at);
          range.setEnd(node, at + s.length);
          ranges.push(range);
        }
      }
      CSS.highlights.set('floor', new Highlight(...ranges));
    }, sentences);
    await page.waitForTimeout(500); // the rendering that paints them
    out.push((await threadMs(cdp)) - before);
    await page.close();
  }
  return out;
}

/** mark.js marking the same sentences on the same page, in a browser without extensions. */
export async function measureMarkJs(plain: Variant, origin: string, path: string, sentences: string[], rounds: number) {
  const ms: number[] = [];
  const cpuMs: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const { page, cdp } = await openTab(plain, origin, false);
    await page.goto(`${origin}/${path}`);
    await page.addScriptTag({ url: '/mark.min.js' });
    const before = await threadMs(cdp);
    ms.push(
      await page.evaluate(
        (strings) =>
          new Promise<number>((done) => {
            const t0 = performance.now();
            const Mark = (window as unknown as { Mark: new (el: Element) => { mark(s: string[], o: object): void } }).Mark;
            new Mark(document.body).mark(strings, { separateWordSearch: false, acrossElements: true, done: () => done(performance.now() - t0) });
          }),
        sentences,
      ),
    );
    await page.waitForTimeout(500);
    cpuMs.push((await threadMs(cdp)) - before);
    await page.close();
  }
  return { ms, cpuMs, sentences: sentences.length };
}
