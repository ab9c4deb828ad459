/**
 * Where Crosscheck's main-thread time goes on a page (`npm run bench:browser -- --profile`): a trace
 * gives the content script's compile and evaluation, and the V8 sampling profiler the rest, each
 * sample charged to the innermost frame of Crosscheck's own code on its stack (with the native
 * calls it made: a message's serialisation is charged to the code that sent it). With the build's
 * hidden source maps the frames are named by source file and line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROME_BUILD } from '../../support/browsers';
import { median } from '../median';
import { readTrace, type Profile, type TraceEvent } from './long-tasks';
import { openTab } from './measure';
import { loadSourceMap, type Origin } from './source-map';
import type { Variant } from './variants';

/** Sampled time per part of the work, ms. */
export type Breakdown = {
  /** CPU of compiling and running the content script's top level (trace; the top level starts the first read). */
  evaluateMs: number;
  compileMs: number;
  /** Sampled time per category, and per source line (the functions with the most). */
  categories: Record<string, number>;
  functions: Record<string, number>;
};

/** Categories of the content script's work, by the source file its innermost frame is in. */
const CATEGORIES: [RegExp, string][] = [
  [/lib\/dom\/(page-text|text-builder|read-rules|block-reader|article-text)\.ts/, 'reading the text'],
  [/lib\/pages\/wire\.ts|lib\/annotator\/units\.ts/, 'units and keys (cutting, hashing, counting words)'],
  [/lib\/messaging\/|wxt\/dist\/browser/, 'messages (sending, serialising)'],
  [/lib\/annotator\/(claims-layer|claim-painting|spans)\.ts|lib\/dom\/(highlighter|text-ranges)\.ts/, 'the scan: replies, painting, reporting'],
  [/lib\/dom\/(yield|first-screen|page-watcher)\.ts|lib\/annotator\/lifetime\.ts/, 'timers, slices, layout reads, watching'],
  [/lib\/annotator\/page-start\.ts|entrypoints\//, 'start-up (listeners)'],
];

const sourceLines = new Map<string, string[]>();
function lineOf(origin: Origin): string {
  if (!sourceLines.has(origin.source)) {
    let text = '';
    try {
      text = readFileSync(join(import.meta.dirname, '../../..', origin.source), 'utf8');
    } catch {
      // A dependency's file, not in the repository.
    }
    sourceLines.set(origin.source, text.split('\n'));
  }
  const text = sourceLines.get(origin.source)![origin.line]?.trim() ?? '';
  return `${origin.source.replace(/^.*node_modules\//, '')}:${origin.line + 1} ${text.slice(0, 60)}`;
}

/** Loads `path` in a fresh tab of Crosscheck's browser, recording a trace and a CPU profile (100 µs samples). */
export async function profileLoad(crosscheck: Variant, origin: string, path: string, settleMs: number): Promise<Breakdown> {
  const extensionOrigin = `chrome-extension://${new URL(crosscheck.worker!.url()).host}`;
  const { page, cdp } = await openTab(crosscheck, origin, false);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8', transferMode: 'ReturnAsStream' });
  await page.goto(`${origin}/${path}`);
  await page.waitForTimeout(settleMs);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  const events = await readTrace(cdp);
  await page.close();
  return attribute(profile, events, extensionOrigin);
}

function attribute(profile: Profile, events: TraceEvent[], extensionOrigin: string): Breakdown {
  const ours = (e: TraceEvent) => JSON.stringify(e.args ?? {}).includes(extensionOrigin);
  const cpu = (name: string) => events.filter((e) => e.name === name && e.ph === 'X' && ours(e)).reduce((ms, e) => ms + (e.tdur ?? e.dur ?? 0) / 1000, 0);
  const resolve = loadSourceMap(join(CHROME_BUILD, 'content-start.js'));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  // The innermost frame of Crosscheck's on each node's stack, named (memoised per node).
  const named = new Map<number, string | null>();
  const innermost = (id: number): string | null => {
    if (named.has(id)) return named.get(id)!;
    const { url, lineNumber, columnNumber, functionName } = byId.get(id)!.callFrame;
    let name: string | null;
    if (url.startsWith(extensionOrigin)) {
      const at = url.endsWith('/content-start.js') ? resolve?.(lineNumber, columnNumber) : null;
      name = at ? lineOf(at) : `${url.split('/').pop()}:${lineNumber + 1}:${columnNumber + 1} ${functionName}`;
    } else {
      const up = parent.get(id);
      name = up === undefined ? null : innermost(up);
    }
    named.set(id, name);
    return name;
  };
  const functions: Record<string, number> = {};
  const categories: Record<string, number> = {};
  for (let i = 0; i < profile.samples.length; i++) {
    const name = innermost(profile.samples[i]!);
    if (!name) continue;
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    functions[name] = (functions[name] ?? 0) + ms;
    const category = CATEGORIES.find(([pattern]) => pattern.test(name))?.[1] ?? (name.includes('content-start.js') ? 'top level' : 'other');
    categories[category] = (categories[category] ?? 0) + ms;
  }
  return { evaluateMs: cpu('EvaluateScript'), compileMs: cpu('v8.compile'), categories, functions };
}

/** The median of each part over several profiled loads (a part missing from a load counts 0 there). */
export function medianBreakdown(runs: Breakdown[]): Breakdown {
  const of = (pick: (b: Breakdown) => Record<string, number>) => {
    const keys = new Set(runs.flatMap((b) => Object.keys(pick(b))));
    return Object.fromEntries([...keys].map((k) => [k, median(runs.map((b) => pick(b)[k] ?? 0))]));
  };
  return {
    evaluateMs: median(runs.map((b) => b.evaluateMs)),
    compileMs: median(runs.map((b) => b.compileMs)),
    categories: of((b) => b.categories),
    functions: of((b) => b.functions),
  };
}

/** Prints a breakdown per page kind: the trace's figures, the categories, the busiest source lines. */
export function printBreakdown(byKind: Record<string, Breakdown>, rounds: number): void {
  console.log(`\nWhere Crosscheck's main-thread time went (CPU profile, 100 µs samples, medians of ${rounds} loads, ms; sampled time is wall time while the thread ran):`);
  for (const [kind, b] of Object.entries(byKind)) {
    const total = Object.values(b.categories).reduce((a, x) => a + x, 0);
    console.log(`\n${kind} words: content script compile ${b.compileMs.toFixed(2)}, compile and top level (trace CPU) ${b.evaluateMs.toFixed(2)}; sampled in Crosscheck's code ${total.toFixed(1)}`);
    console.log('| part | ms |\n| --- | ---: |');
    for (const [name, ms] of Object.entries(b.categories).sort((x, y) => y[1] - x[1])) console.log(`| ${name} | ${ms.toFixed(2)} |`);
    console.log('busiest source lines:');
    for (const [name, ms] of Object.entries(b.functions).sort((x, y) => y[1] - x[1]).slice(0, 15)) console.log(`  ${ms.toFixed(2)}  ${name}`);
  }
}
