/**
 * `npm run eval`: the matcher's precision, recall, stance accuracy and conflicts on the labelled
 * sets: the hand-written set, and the tune and test halves of real coverage (split by outlet before
 * any tuning; see test/fixtures/eval/coverage/README.md), beside the figures recorded before the
 * matcher was rebuilt (test/fixtures/eval/baseline.json), and recall per claim.
 *
 *   --errors=tune|hand|test   also list the sentences the matcher got wrong in that set
 *   --json                    print the figures as JSON (how baseline.json was recorded)
 *   --tune-only               leave the test half out (while tuning: look at the tune half only)
 */
import { readFileSync } from 'node:fs';
import { evaluate, type EvalFigures } from '@/lib/matcher/evaluate';
import { loadEval } from './load';
import { loadMatcher } from './matcher';

type Row = Omit<EvalFigures, 'perClaim' | 'errors'> & { perClaim: Record<string, { stated: number; found: number }> };

const { db, handWritten, tune, test } = loadEval();
const match = loadMatcher(db);
const sets = { hand: handWritten, tune, test };
const figures = Object.fromEntries(Object.entries(sets).map(([k, items]) => [k, evaluate(process.argv.includes('--tune-only') && k === 'test' ? [] : items, match)])) as Record<keyof typeof sets, EvalFigures>;
const row = ({ errors: _errors, ...f }: EvalFigures): Row => ({ ...f, perClaim: Object.fromEntries(f.perClaim) });

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ hand: row(figures.hand), tune: row(figures.tune), test: row(figures.test) }, null, 1));
  process.exit(0);
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const line = (label: string, f: Row) =>
  `| ${label} | ${f.sentences} | ${f.positives} | ${pct(f.precision)} | ${pct(f.recall)} | ${pct(f.f1)} | ${pct(f.stanceAccuracy)} | ${f.conflicts.flagged} / ${f.conflicts.stated} (${pct(f.conflicts.stated ? f.conflicts.flagged / f.conflicts.stated : 0)}), ${f.conflicts.rightDetail} right detail |`;
const baseline = JSON.parse(readFileSync(new URL('../fixtures/eval/baseline.json', import.meta.url), 'utf8')) as { commit: string; note: string; hand: Row; tune: Row; test: Row };

console.log(`${db.claims.length} claims. Real coverage: tune and test halves are disjoint by outlet; the test half is never tuned on.\n`);
console.log('| set | sentences | claims stated | precision | recall | F1 | stance | conflicts flagged |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
const tuneOnly = process.argv.includes('--tune-only');
if (!tuneOnly) console.log(line('real coverage, **test** half', row(figures.test)));
console.log(line('real coverage, tune half', row(figures.tune)));
console.log(line('hand-written set', row(figures.hand)));
if (!tuneOnly) console.log(line(`before: test half (${baseline.commit})`, baseline.test));
console.log(line(`before: tune half (${baseline.commit})`, baseline.tune));
console.log(line(`before: hand-written (${baseline.commit})`, baseline.hand));
console.log(`\n${baseline.note}\n`);

console.log('Recall per claim (found / stated), real coverage:\n');
console.log('| claim | tune | test | test before |');
console.log('| --- | ---: | ---: | ---: |');
const ids = [...new Set([...figures.tune.perClaim.keys(), ...figures.test.perClaim.keys()])].sort();
const cell = (c?: { stated: number; found: number }) => (c ? `${c.found} / ${c.stated}` : '');
for (const id of ids) {
  const test = tuneOnly ? ['', ''] : [cell(figures.test.perClaim.get(id)), cell(baseline.test.perClaim[id])];
  console.log(`| ${id} | ${cell(figures.tune.perClaim.get(id))} | ${test.join(' | ')} |`);
}

const which = process.argv.find((a) => a.startsWith('--errors='))?.slice('--errors='.length) as keyof typeof sets | undefined;
if (which) {
  for (const e of figures[which].errors) console.log(`\n${e.text}${e.source ? `\n  (${e.source})` : ''}\n  expected: ${e.expected}\n  got:      ${e.got}`);
}
