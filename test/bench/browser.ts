/**
 * `npm run bench:browser [ROUNDS] [--only KIND,…] [--profile] [--compare DIR]`: what Crosscheck costs a page in
 * headless Chromium, three loads in rotation (no extension, an empty extension, Crosscheck), CDP
 * thread CPU time, medians and spread over rounds (default 7). Run by hand, not in CI: it takes
 * several minutes, and on a shared 2-core machine its figures move by tens of percent from run to
 * run. `--only` measures only the CPU and latency of some page kinds (`1k`, `10k`, `100k`,
 * `no-claim-1k`, `no-claim-10k`; `none` for both pages with no claim), to iterate quickly;
 * `--profile` also says where Crosscheck's time went on each (build with
 * `npx wxt build -c test/bench/browser/wxt.profile.config.ts` for its source lines); `--compare DIR`
 * loads another build of Crosscheck (a copy of .output/chrome-mv3 from before a change) in the same
 * rotation, so that before and after are measured side by side.
 */
import { printBreakdown } from './browser/breakdown';
import { measurePageCost } from './browser/page-cost';
import { printFigures, printTargets } from './browser/report';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const at = args.indexOf(name);
  return at < 0 ? undefined : args.splice(at, name === '--profile' ? 1 : 2).slice(1).join(',') || name;
};
const only = flag('--only')?.split(',').filter(Boolean);
const profile = flag('--profile') !== undefined;
const compare = flag('--compare');
const rounds = Number(args[0] ?? 7);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`Rounds must be a positive whole number, got ${args[0]}`);
if (only && only.length === 0) throw new Error('--only needs page kinds, e.g. --only none or --only 10k,no-claim-10k');
const cost = await measurePageCost(rounds, { only, profile, compare });
printFigures(cost);
printTargets(cost);
if (cost.breakdown) printBreakdown(cost.breakdown, rounds);
