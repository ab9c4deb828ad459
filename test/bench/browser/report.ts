/** Prints the page-cost figures (see page-cost.ts) as Markdown tables. */
import { SLOW_PAGE_MS, type Latency, type PageCost, type Spread } from './page-cost';

const ms = (s: Spread, digits = 1) => `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;

/** The figures as measured: medians with the spread (min–max) over rounds. */
export function printFigures(cost: PageCost): void {
  console.log(`Headless Chromium, medians of ${cost.rounds} rounds (min–max), ms.\n`);
  const compared = Object.values(cost.extraCpu).some((e) => e.before);
  const cell = (s: Spread | undefined) => (s ? ms(s) : '–');
  const latencies: [keyof Latency, string][] = [
    ['injected', 'DOMContentLoaded → content scripts start'],
    ['firstScreen', "start → the first screen's highlights"],
    ['settled', 'start → highlights settled'],
    ['settledFromDcl', 'DOMContentLoaded → highlights settled'],
  ];
  const heads = latencies.flatMap(([, label]) => [label, ...(compared ? ['the same, the build compared'] : [])]);
  console.log(`| page | plain page CPU | extra CPU: empty extension | extra CPU: Crosscheck |${compared ? ' extra CPU: the build compared |' : ''} ${heads.join(' | ')} |`);
  console.log(`| --- | ---: | ---: | ---: |${compared ? ' ---: |' : ''}${heads.map(() => ' ---: |').join('')}`);
  for (const [kind, extra] of Object.entries(cost.extraCpu)) {
    const cells = latencies.flatMap(([what]) => [cell(cost.latency[what][kind]), ...(cost.before ? [cell(cost.before[what][kind])] : [])]);
    console.log(`| ${kind} words | ${ms(cost.plainCpu[kind]!)} | ${ms(extra.empty)} | ${ms(extra.crosscheck)} |${extra.before ? ` ${ms(extra.before)} |` : ''} ${cells.join(' | ')} |`);
  }
  console.log(
    "\n(latency: warm worker, in a browser of its own where a probe extension logs when content scripts start; Crosscheck's script reads the page after its first frame)",
  );
  if (!cost.full) return;
  const full = cost.full;
  console.log(`\none-shot floor (a TreeWalker pass, a Range per match, one CSS.highlights.set, its rendering): ${Object.entries(full.floorCpu).map(([k, s]) => `${k} ${ms(s)}`).join(', ')}`);
  const { warm, cold, restarted, slowWarm, slowCold } = full.navigation;
  console.log(
    `navigation → highlights, 10k words: warm worker ${ms(warm)}; cold worker, started by the page ${ms(cold)} (cold ÷ warm ${(cold.median / warm.median).toFixed(2)}×); ` +
      `started by the tab's previous page ${ms(restarted)} (${(restarted.median / warm.median).toFixed(2)}×)`,
  );
  console.log(
    `the same on a page whose script holds it ${SLOW_PAGE_MS} ms as it starts: warm worker ${ms(slowWarm)}; cold worker, started by the page ${ms(slowCold)} (cold ÷ warm ${(slowCold.median / slowWarm.median).toFixed(2)}×)`,
  );
  console.log(`mark.js mark() of the same ${full.markjs.sentences} sentences (10k words): ${ms(full.markjs.ms)} long, ${ms(full.markjs.cpuMs)} main-thread CPU`);
  const t = (label: string, f: NonNullable<PageCost['full']>['tasks']['article']) =>
    console.log(
      `${label}: Crosscheck ran ${f.crosscheckMs.toFixed(0)} ms on the main thread, at most ${f.longestShareMs.toFixed(1)} ms in one task; ` +
        `${f.longTasks} task(s) over 50 ms because of it; longest task it ran in: ${f.longestTask.ms.toFixed(1)} ms (${f.longestTask.crosscheckMs.toFixed(1)} ms of it Crosscheck's); ` +
        `its longest share went to ${f.longestShareWhere.join(', ') || 'nothing'}`,
    );
  t('100k-word article', full.tasks.article);
  t(`busy page (100k text nodes, a change every 10 ms), ${full.tasks.busy.recordings} recordings of 10 s, each on a page of its own (Crosscheck's time: their median)`, full.tasks.busy);
  console.log(`busy page: main-thread CPU with Crosscheck ÷ without: ${full.tasks.busy.extraCpuRatio.toFixed(2)}×`);
}

/** The targets of issue 12 (and 11.10), each as a ratio measured in this run, met or not. */
export function printTargets(cost: PageCost): void {
  const rows: [string, string, boolean][] = [];
  const { full } = cost;
  const extra10k = cost.extraCpu['10k']?.crosscheck.median;
  if (full && extra10k !== undefined) {
    const floor = full.floorCpu['10k']!.median;
    rows.push([`extra main-thread CPU, 10k words: ${extra10k.toFixed(1)} ms = ${(extra10k / floor).toFixed(2)}× the floor (${floor.toFixed(1)} ms)`, '≤ 3×', extra10k <= 3 * floor]);
  }
  for (const kind of ['no claim, 1k', 'no claim, 10k']) {
    const e = cost.extraCpu[kind];
    if (!e) continue;
    const vsEmpty = e.crosscheck.median - e.empty.median;
    const before = e.before ? ` (the build compared: ${(e.before.median - e.empty.median).toFixed(1)} ms)` : '';
    rows.push([`extra main-thread CPU against an empty extension, ${kind} words: ${vsEmpty.toFixed(1)} ms${before}`, '≤ 5 ms', vsEmpty <= 5]);
  }
  for (const [kind, limit] of [['10k', 60], ['100k', 400]] as const) {
    const p = cost.latency.settled[kind];
    const first = cost.latency.firstScreen[kind];
    const screen = first ? ` (the first screen's: ${first.median.toFixed(0)} ms)` : '';
    if (p) rows.push([`content script start → highlights settled, ${kind} words, warm worker: ${p.median.toFixed(0)} ms${screen}`, `≤ ${limit} ms`, p.median <= limit]);
  }
  if (full && extra10k !== undefined) {
    const { warm, cold } = full.navigation;
    rows.push([`navigation → highlights, cold ÷ warm worker (the page starts it): ${(cold.median / warm.median).toFixed(2)}×`, '≤ 1.3×', cold.median <= 1.3 * warm.median]);
    const p10 = cost.latency.settled['10k']!.median;
    rows.push([`latency against mark.js: Crosscheck ${p10.toFixed(0)} ms, mark.js ${full.markjs.ms.median.toFixed(0)} ms (${(full.markjs.ms.median / p10).toFixed(1)}×)`, 'faster', p10 < full.markjs.ms.median]);
    rows.push([`main-thread CPU against mark.js: Crosscheck ${extra10k.toFixed(0)} ms, mark.js ${full.markjs.cpuMs.median.toFixed(0)} ms (${(full.markjs.cpuMs.median / extra10k).toFixed(1)}×)`, 'less', extra10k < full.markjs.cpuMs.median]);
    const busy = `busy page, in ${full.tasks.busy.recordings} recordings`;
    for (const [label, f] of [['100k-word article', full.tasks.article], [busy, full.tasks.busy]] as const) {
      rows.push([`tasks over 50 ms because of Crosscheck, ${label}: ${f.longTasks} (most in one task: ${f.longestShareMs.toFixed(1)} ms)`, 'none', f.longTasks === 0 && f.longestShareMs <= 50]);
    }
  }
  console.log('\n| target | limit | met |\n| --- | --- | --- |');
  for (const [what, limit, met] of rows) console.log(`| ${what} | ${limit} | ${met ? 'yes' : '**no**'} |`);
}
