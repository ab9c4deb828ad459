/**
 * `npm run bench:browser [ROUNDS]`: what Crosscheck costs a page in headless Chromium, three loads
 * in rotation (no extension, an empty extension, Crosscheck), CDP thread CPU time, medians and
 * spread over rounds (default 7). Run by hand, not in CI: it takes several minutes, and on a
 * shared 2-core machine its figures move by tens of percent from run to run. Build first
 * (`npm run build`).
 */
import { measurePageCost } from './browser/page-cost';
import { printFigures, printTargets } from './browser/report';

const rounds = Number(process.argv[2] ?? 7);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`Rounds must be a positive whole number, got ${process.argv[2]}`);
const cost = await measurePageCost(rounds);
printFigures(cost);
printTargets(cost);
