/**
 * Measures one page load in a fresh tab, over the Chrome DevTools Protocol: main-thread CPU time
 * (the renderer's `ThreadTime`, which counts the page's own work and every content script's), and
 * when the highlights settled, seen from the page (the CSS highlight registry belongs to the
 * document). Crosscheck sets no marks a page could read, so the page polls the registry instead.
 */
import type { CDPSession, ConsoleMessage, Page } from 'playwright-core';
import { PROBE_MESSAGE, type Variant } from './variants';

export type Load = {
  /** Renderer main-thread CPU from the start of navigation until `settleMs` after load. */
  cpuMs: number;
  /** DOMContentLoaded, from navigation start (content scripts start at or after it). */
  dclMs: number;
  /** When content scripts started, from navigation start, as the probe extension logged it (null: no probe loaded). */
  scriptsMs: number | null;
  /** When the number of highlighted ranges last changed, from navigation start (null: none). */
  paintedMs: number | null;
  /** When every range finally highlighted on the first screen (the viewport at load) was there, from navigation start (null: none there). */
  firstScreenMs: number | null;
  /** Ranges highlighted when the load settled. */
  highlights: number;
};

/**
 * Counts highlighted ranges after every task (setTimeout 0), recording when the count changes and
 * which ranges were highlighted then (read only after the load, to find when the first screen was done).
 */
const WATCH_HIGHLIGHTS = `(() => {
  const w = window; w.__bench = { count: 0, last: null, seen: [] };
  const stop = performance.now() + 30000;
  const tick = () => {
    let n = 0;
    for (const h of CSS.highlights.values()) n += h.size;
    if (n !== w.__bench.count) {
      w.__bench.count = n; w.__bench.last = performance.now();
      w.__bench.seen.push({ t: w.__bench.last, ranges: [...CSS.highlights.values()].flatMap((h) => [...h]) });
    }
    if (performance.now() < stop && !w.__benchStop) setTimeout(tick, 0);
  };
  tick();
})();`;

/** In the page, after the load: when all the ranges finally highlighted in the viewport were first there together. */
function firstScreenDone(): number | null {
  type Seen = { t: number; ranges: Range[] };
  const bench = (window as unknown as { __bench?: { seen: Seen[] } }).__bench;
  if (!bench) return null;
  const ids = new Map<Node, number>();
  const id = (n: Node) => ids.get(n) ?? (ids.set(n, ids.size), ids.size - 1);
  const keyOf = (r: Range) => `${id(r.startContainer)}:${r.startOffset}-${id(r.endContainer)}:${r.endOffset}`;
  const final: Range[] = [...CSS.highlights.values()].flatMap((h) => [...h] as Range[]);
  const onScreen = final.filter((r) => {
    const box = r.getBoundingClientRect();
    return box.bottom > 0 && box.top < innerHeight;
  });
  if (onScreen.length === 0) return null;
  const wanted = onScreen.map(keyOf);
  for (const { t, ranges } of bench.seen) {
    const there = new Set(ranges.map(keyOf));
    if (wanted.every((k) => there.has(k))) return t;
  }
  return null;
}

async function threadTime(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN) * 1000;
}

/** A tab on the benchmark site, with a CDP session, ready to measure loads. */
export async function openTab(variant: Variant, origin: string, watchHighlights: boolean): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await variant.context.newPage();
  // tsx keeps function names with an `__name` helper that pages do not have.
  await page.addInitScript('globalThis.__name = (f) => f');
  if (watchHighlights) await page.addInitScript(WATCH_HIGHLIGHTS);
  // A page of the same origin first, so the measured navigation stays in the same renderer.
  await page.goto(`${origin}/blank.html`);
  const cdp = await variant.context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  return { page, cdp };
}

/**
 * Loads `url` in a fresh tab and measures it. With `watchHighlights` the page polls the highlight
 * registry (latency); without, nothing extra runs in the page (CPU).
 */
export async function measureLoad(
  variant: Variant,
  origin: string,
  path: string,
  options: { settleMs: number; watchHighlights: boolean; beforeNavigation?: (cdp: CDPSession) => Promise<void> },
): Promise<Load> {
  const { page, cdp } = await openTab(variant, origin, options.watchHighlights);
  await options.beforeNavigation?.(cdp);
  const url = `${origin}/${path}`;
  let scriptsMs: number | null = null;
  page.on('console', (message: ConsoleMessage) => {
    const [tag, href, at] = message.text().split(' ');
    if (tag === PROBE_MESSAGE && href === url) scriptsMs = Number(at);
  });
  try {
    const before = await threadTime(cdp);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(options.settleMs);
    const cpuMs = (await threadTime(cdp)) - before;
    const seen = await page.evaluate(() => {
      const w = window as unknown as { __bench?: { count: number; last: number | null }; __benchStop?: boolean };
      w.__benchStop = true;
      let highlights = 0;
      for (const h of CSS.highlights.values()) highlights += h.size;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return { highlights, last: w.__bench?.last ?? null, dcl: nav.domContentLoadedEventEnd };
    });
    const firstScreenMs = options.watchHighlights ? await page.evaluate(firstScreenDone) : null;
    return { cpuMs, dclMs: seen.dcl, scriptsMs, paintedMs: seen.highlights > 0 ? seen.last : null, firstScreenMs, highlights: seen.highlights };
  } finally {
    await page.close();
  }
}
