/**
 * What Crosscheck costs a page, in headless Chromium, side by side: each round loads each page in
 * three browsers in rotation (no extension, an empty extension, Crosscheck) and measures
 * main-thread CPU; then when the highlights come, from DOMContentLoaded and, in a browser of
 * Crosscheck's beside a probe, from document_end injection (see variants.ts); and in Crosscheck's browser, when they settle with the
 * background's worker running (warm), stopped before the navigation (cold: the page wakes it) or
 * started again by the tab's previous page (restarted), which tasks Crosscheck makes long, and
 * mark.js marking the same sentences. Every round is a new article (unique text), so the
 * background has never matched it. Figures are medians with their spread over rounds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession } from 'playwright-core';
import { serveFolder } from '../../support/static-server';
import { median } from '../median';
import { measureFloor, measureMarkJs, paintedSentences } from './baselines';
import { medianBreakdown, profileLoad, type Breakdown } from './breakdown';
import { combineRecordings, startRecording, stopRecording, type TaskFigures } from './long-tasks';
import { measureLoad, openTab } from './measure';
import { article, busyPage, slowArticle, writePages } from './pages';
import { launchVariant, type Variant, type VariantName } from './variants';

export type Spread = { median: number; min: number; max: number };
const spread = (xs: number[]): Spread => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });

/** What the kinds of page cost, each a Spread over rounds. */
export type PageCost = {
  rounds: number;
  /** Extra main-thread CPU against the plain page, per page kind and variant (`before`: with `compare` only). */
  extraCpu: Record<string, { empty: Spread; crosscheck: Spread; before?: Spread }>;
  /** The plain page's own main-thread CPU, per page kind. */
  plainCpu: Record<string, Spread>;
  /** How soon highlights come, warm worker, per page kind with claims. */
  latency: Latency;
  /** The same for the build compared (`compare` only), measured in the same rounds. */
  before?: Latency;
  /** The rest, measured in a full run only (not with `only`). */
  full?: {
    /**
     * Navigation → highlights settled on the 10k-word article: worker running; stopped, so that the
     * page's own first message starts it; and started again by the tab's previous page (a blank
     * page of the same site) half a second before, so that only its code and memos are cold. And
     * on a page whose script holds it SLOW_PAGE_MS as it starts: worker running, and stopped.
     */
    navigation: { warm: Spread; cold: Spread; restarted: Spread; slowWarm: Spread; slowCold: Spread };
    /** The one-shot floor per page kind: one TreeWalker pass, a Range per match, one `CSS.highlights.set`. */
    floorCpu: Record<string, Spread>;
    /** mark.js `mark()` on the same sentences (10k words): its duration and main-thread CPU. */
    markjs: { ms: Spread; cpuMs: Spread; sentences: number };
    /** Crosscheck's tasks on a 100k-word article and on a busy page (100k text nodes, a change every 10 ms). */
    tasks: { article: TaskFigures; busy: TaskFigures & { recordings: number; extraCpuRatio: number } };
  };
  /** With `profile`: where Crosscheck's time went per page kind, medians over rounds (see breakdown.ts). */
  breakdown?: Record<string, Breakdown>;
};

/**
 * How soon highlights come, per page kind, over rounds, from the content scripts' start: Crosscheck
 * sets no mark a page could read, so a probe extension loaded beside it logs when content scripts
 * start (see variants.ts). It is injected when Crosscheck's script is, about a millisecond before
 * Crosscheck's own code runs.
 */
export type Latency = {
  /** DOMContentLoaded → content scripts start: on a long page, the browser lays it out first. */
  injected: Record<string, Spread>;
  /** Content scripts start → every highlight of the first screen (the viewport at load) painted. */
  firstScreen: Record<string, Spread>;
  /** Content scripts start → highlights settled (the last change to them). */
  settled: Record<string, Spread>;
  /**
   * DOMContentLoaded → highlights settled: whether content scripts start before the browser lays
   * a long page out or after it varies from load to load, and this holds the layout either way,
   * so it compares builds more fairly over few rounds.
   */
  settledFromDcl: Record<string, Spread>;
};
type Latencies = Record<keyof Latency, Record<string, number[]>>;
const noLatencies = (): Latencies => ({ injected: {}, firstScreen: {}, settled: {}, settledFromDcl: {} });
const spreads = (l: Latencies): Latency => {
  const of = (byKind: Record<string, number[]>) => Object.fromEntries(Object.entries(byKind).map(([k, xs]) => [k, spread(xs)]));
  return { injected: of(l.injected), firstScreen: of(l.firstScreen), settled: of(l.settled), settledFromDcl: of(l.settledFromDcl) };
};

export type PageCostOptions = {
  /** Only these page kinds, by slug (`10k`, `no-claim-1k`; `none` for both pages with no claim), and only their CPU and latency. */
  only?: string[];
  /** Also profile Crosscheck's load of each kind, once per round, on pages of their own. */
  profile?: boolean;
  /** Another build of Crosscheck (a folder, e.g. a copy of .output/chrome-mv3 before a change), measured in the same rotation. */
  compare?: string;
};

export const KINDS = { '1k': 1_000, '10k': 10_000, '100k': 100_000 } as const;
const NO_CLAIM = { 'no claim, 1k': 1_000, 'no claim, 10k': 10_000 } as const;
/** How long the slow page's own script holds it as it starts (see slowArticle). */
export const SLOW_PAGE_MS = 600;

const settle = (words: number) => (words >= 100_000 ? 6000 : 2500);

/** Stops the background's worker (an MV3 worker stops after 30 s idle), and lets it settle. */
async function stopWorker(cdp: CDPSession): Promise<void> {
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await new Promise((done) => setTimeout(done, 500));
}

/** The same, from a tab of its own. */
async function stopWorkerFromTab(variant: Variant, origin: string): Promise<void> {
  const { page, cdp } = await openTab(variant, origin, false);
  await stopWorker(cdp);
  await page.close();
}

/** The page kinds `only` names (every kind without it). */
function kindsOf(only: string[] | undefined): Record<string, number> {
  const all: Record<string, number> = { ...KINDS, ...NO_CLAIM };
  if (!only) return all;
  const wanted = only.flatMap((o) => (o === 'none' ? Object.keys(NO_CLAIM).map(slug) : [o]));
  const kinds = Object.fromEntries(Object.entries(all).filter(([kind]) => wanted.includes(slug(kind))));
  const unknown = wanted.filter((w) => !Object.keys(all).some((kind) => slug(kind) === w));
  if (unknown.length > 0) throw new Error(`Unknown page kind ${unknown.join(', ')}: choose among ${Object.keys(all).map(slug).join(', ')}, none`);
  return kinds;
}

/** Runs the benchmark; `rounds` new articles of each size. */
export async function measurePageCost(rounds: number, options: PageCostOptions = {}): Promise<PageCost> {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-page-cost-'));
  const pages: Record<string, string> = {};
  // A busy page of its own for each recording and for the CPU ratio: the background has matched none of them.
  for (let i = 0; i <= BUSY_RECORDINGS; i++) pages[`busy-${i}.html`] = busyPage(100_000, 1 + i);
  const kinds = kindsOf(options.only);
  // Each measure loads articles of its own, so that the background has never matched what a round loads.
  for (let r = 0; r <= rounds + 2; r++) {
    for (const [kind, words] of Object.entries(kinds)) {
      const claims = !kind.startsWith('no');
      pages[`${slug(kind)}-${r}.html`] = article(words, 1000 * r + words, claims);
      pages[`paint-${slug(kind)}-${r}.html`] = article(words, 1000 * r + words + 1, claims);
      pages[`profile-${slug(kind)}-${r}.html`] = article(words, 1000 * r + words + 2, claims);
      pages[`paint-before-${slug(kind)}-${r}.html`] = article(words, 1000 * r + words + 3, claims);
    }
    for (const worker of ['warm', 'cold', 'restarted']) pages[`nav-${worker}-${r}.html`] = article(10_000, 7000 + 10 * r + worker.length);
    for (const worker of ['warm', 'cold']) pages[`nav-slow-${worker}-${r}.html`] = slowArticle(10_000, 8000 + 10 * r + worker.length, SLOW_PAGE_MS);
  }
  pages['warm-up.html'] = article(10_000, 999_999);
  writePages(dir, pages);
  const server = await serveFolder(dir);
  const variants: Variant[] = [];
  try {
    const names: VariantName[] = ['plain', 'empty', 'crosscheck', ...(options.compare ? (['before'] as const) : [])];
    for (const name of names) variants.push(await launchVariant(name, options.compare));
    const crosscheck = variants[2]!;
    // Latency in browsers of their own, with the probe beside Crosscheck: the CPU figures must not carry its start.
    const timed = [await launchVariant('crosscheck', undefined, { probe: true })];
    if (options.compare) timed.push(await launchVariant('before', options.compare, { probe: true }));
    variants.push(...timed);
    // Warm up every browser, and Crosscheck's claim index, on a page no round uses.
    for (const v of variants) await measureLoad(v, server.origin, 'warm-up.html', { settleMs: 3000, watchHighlights: false });
    const cpu: Record<string, Record<VariantName, number[]>> = {};
    const latency = noLatencies();
    const latencyBefore = noLatencies();
    const measured = variants.filter((v) => !timed.includes(v));
    for (let r = 0; r < rounds; r++) {
      for (const kind of Object.keys(kinds)) {
        const path = `${slug(kind)}-${r}.html`;
        for (let i = 0; i < measured.length; i++) {
          const v = measured[(r + i) % measured.length]!; // rotation: no browser always goes first
          const load = await measureLoad(v, server.origin, path, { settleMs: settle(kinds[kind]!), watchHighlights: false });
          ((cpu[kind] ??= { plain: [], empty: [], crosscheck: [], before: [] })[v.name]).push(load.cpuMs);
        }
        if (kind.startsWith('no')) continue;
        // Latency in the timed browsers (Crosscheck's, and the build compared, in turn), on an article it has not seen (the page polls the registry).
        for (const v of r % 2 ? [...timed].reverse() : timed) {
          const isBefore = v.name === 'before';
          const path = `paint-${isBefore ? 'before-' : ''}${slug(kind)}-${r}.html`;
          const seen = await measureLoad(v, server.origin, path, { settleMs: settle(kinds[kind]!), watchHighlights: true });
          if (seen.scriptsMs === null) throw new Error(`The probe extension logged no start on ${path}: latency cannot be measured`);
          const into = isBefore ? latencyBefore : latency;
          const add = (what: keyof Latency, at: number | null, from: number) => at !== null && (into[what][kind] ??= []).push(at - from);
          add('injected', seen.scriptsMs, seen.dclMs);
          add('firstScreen', seen.firstScreenMs, seen.scriptsMs);
          add('settled', seen.paintedMs, seen.scriptsMs);
          add('settledFromDcl', seen.paintedMs, seen.dclMs);
        }
      }
    }
    const extraCpu: PageCost['extraCpu'] = {};
    const plainCpu: PageCost['plainCpu'] = {};
    for (const [kind, byVariant] of Object.entries(cpu)) {
      const extra = (name: VariantName) => byVariant[name].map((ms, i) => ms - byVariant.plain[i]!);
      extraCpu[kind] = { empty: spread(extra('empty')), crosscheck: spread(extra('crosscheck')), ...(options.compare ? { before: spread(extra('before')) } : {}) };
      plainCpu[kind] = spread(byVariant.plain);
    }
    const cost: PageCost = { rounds, extraCpu, plainCpu, latency: spreads(latency) };
    if (options.compare) cost.before = spreads(latencyBefore);
    if (options.profile) cost.breakdown = await profileKinds(crosscheck, server.origin, kinds, rounds);
    if (!options.only) cost.full = await measureTheRest(variants, server.origin, rounds);
    return cost;
  } finally {
    for (const v of variants) await v.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Latency with a warm and a cold worker, the floor, mark.js and long tasks (a full run only). */
async function measureTheRest(variants: Variant[], origin: string, rounds: number): Promise<PageCost['full']> {
  const crosscheck = variants[2]!;
  const navigation = { warm: [] as number[], cold: [] as number[], restarted: [] as number[], slowWarm: [] as number[], slowCold: [] as number[] };
  for (let r = 0; r < rounds; r++) {
    const warm = await measureLoad(crosscheck, origin, `nav-warm-${r}.html`, { settleMs: 2500, watchHighlights: true });
    navigation.warm.push(warm.paintedMs ?? NaN);
    // The tab's blank page woke the worker: stopped again, the measured page's first message starts it.
    const cold = await measureLoad(crosscheck, origin, `nav-cold-${r}.html`, { settleMs: 4000, watchHighlights: true, beforeNavigation: stopWorker });
    navigation.cold.push(cold.paintedMs ?? NaN);
    await stopWorkerFromTab(crosscheck, origin);
    const restarted = await measureLoad(crosscheck, origin, `nav-restarted-${r}.html`, { settleMs: 4000, watchHighlights: true });
    navigation.restarted.push(restarted.paintedMs ?? NaN);
    const slowWarm = await measureLoad(crosscheck, origin, `nav-slow-warm-${r}.html`, { settleMs: 3000, watchHighlights: true });
    navigation.slowWarm.push(slowWarm.paintedMs ?? NaN);
    const slowCold = await measureLoad(crosscheck, origin, `nav-slow-cold-${r}.html`, { settleMs: 4000, watchHighlights: true, beforeNavigation: stopWorker });
    navigation.slowCold.push(slowCold.paintedMs ?? NaN);
  }
  const floorCpu: Record<string, Spread> = {};
  for (const kind of Object.keys(KINDS)) {
    const sentences = await paintedSentences(crosscheck, origin, `${kind}-0.html`, settle(KINDS[kind as keyof typeof KINDS]));
    floorCpu[kind] = spread(await measureFloor(variants[0]!, origin, `${kind}-0.html`, sentences, rounds));
  }
  const markjs = spreadMarkJs(await measureMarkJs(variants[0]!, origin, '10k-0.html', await paintedSentences(crosscheck, origin, '10k-0.html', 2500), rounds));
  const tasks = await measureTasks(variants[0]!, crosscheck, origin);
  const { warm, cold, restarted, slowWarm, slowCold } = navigation;
  return { navigation: { warm: spread(warm), cold: spread(cold), restarted: spread(restarted), slowWarm: spread(slowWarm), slowCold: spread(slowCold) }, floorCpu, markjs, tasks };
}

/** Profiles Crosscheck's load of each kind once per round, and takes the median of each part. */
async function profileKinds(crosscheck: Variant, origin: string, kinds: Record<string, number>, rounds: number): Promise<Record<string, Breakdown>> {
  const out: Record<string, Breakdown> = {};
  for (const [kind, words] of Object.entries(kinds)) {
    const runs: Breakdown[] = [];
    for (let r = 0; r < rounds; r++) runs.push(await profileLoad(crosscheck, origin, `profile-${slug(kind)}-${r}.html`, settle(words)));
    out[kind] = medianBreakdown(runs);
  }
  return out;
}

const slug = (kind: string) => kind.replace(/\W+/g, '-');
const spreadMarkJs = (m: { ms: number[]; cpuMs: number[]; sentences: number }) => ({ ms: spread(m.ms), cpuMs: spread(m.cpuMs), sentences: m.sentences });

/**
 * The busy page is recorded this many times, 10 s each: whether a task there goes over 50 ms turns
 * on stalls of the machine in its first seconds, so that one recording says little.
 */
const BUSY_RECORDINGS = 3;

/** Crosscheck's long tasks on a new 100k-word article, and for 10 s on each of BUSY_RECORDINGS busy pages (with the plain page's CPU beside it). */
async function measureTasks(plain: Variant, crosscheck: Variant, origin: string): Promise<NonNullable<PageCost['full']>['tasks']> {
  const extensionOrigin = `chrome-extension://${new URL(crosscheck.worker!.url()).host}`; // URL.origin is "null" for this scheme
  const record = async (path: string, ms: number) => {
    const { page, cdp } = await openTab(crosscheck, origin, false);
    await startRecording(cdp);
    await page.goto(`${origin}/${path}`);
    await page.waitForTimeout(ms);
    const figures = await stopRecording(cdp, extensionOrigin);
    await page.close();
    return figures;
  };
  const articleTasks = await record('100k-1.html', 8000);
  const recordings: TaskFigures[] = [];
  for (let i = 0; i < BUSY_RECORDINGS; i++) recordings.push(await record(`busy-${i}.html`, 10_000));
  const busy = combineRecordings(recordings);
  const ratioPage = `busy-${BUSY_RECORDINGS}.html`;
  const plainBusy = await measureLoad(plain, origin, ratioPage, { settleMs: 10_000, watchHighlights: false });
  const ccBusy = await measureLoad(crosscheck, origin, ratioPage, { settleMs: 10_000, watchHighlights: false });
  return { article: articleTasks, busy: { ...busy, extraCpuRatio: ccBusy.cpuMs / plainBusy.cpuMs } };
}
