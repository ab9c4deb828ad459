/**
 * `npm run bench -- page`: what Crosscheck costs a page, in headless Chromium with the built
 * extension, measured side by side in one run (see browser/page-cost.ts): the targets of issue 12
 * (and 11.10) as ratios, met or not, with the figures behind them, and the injected scripts' sizes.
 * `npm run bench:browser` runs the same with more rounds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHROME_BUILD } from '../support/browsers';
import { measurePageCost } from './browser/page-cost';
import { printFigures, printTargets } from './browser/report';

const kB = (file: string) => {
  const bytes = readFileSync(join(CHROME_BUILD, file));
  return `${(bytes.length / 1024).toFixed(1)} kB, ${(gzipSync(bytes).length / 1024).toFixed(1)} kB gzipped`;
};

export default async function bench(): Promise<void> {
  const cost = await measurePageCost(3);
  printFigures(cost);
  printTargets(cost);
  console.log(`\ninjected on every page: content-start.js ${kB('content-start.js')}; loaded when there is something to show: content-ui.js ${kB('content-ui.js')}`);
}
