/**
 * `npm run eval`: precision, recall and F1 for claim detection and accuracy for stance on the
 * labelled set in test/fixtures/eval/. `--errors` also lists every item the matcher got wrong.
 */
import { buildClaimIndex } from '../../lib/matcher/claim-index';
import { evaluate, type EvalFigures } from '../../lib/matcher/evaluate';
import { matchText } from '../../lib/matcher/match';
import { loadEval } from './load';

const { db, items } = loadEval();
const index = buildClaimIndex(db);
const match = (text: string) => matchText(index, text);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const row = (label: string, f: EvalFigures) =>
  `| ${label} | ${pct(f.precision)} | ${pct(f.recall)} | ${pct(f.f1)} | ${pct(f.stanceAccuracy)} |`;

const lenient = evaluate(items, match);
const strict = evaluate(items, match, true);
console.log(`${lenient.positives} positive sentences, ${lenient.negatives} hard negatives, ${db.claims.length} claims\n`);
console.log('| scoring | precision | recall | F1 | stance |');
console.log('| --- | --- | --- | --- | --- |');
console.log(row('labelled claim or listed alternative', lenient));
console.log(row('labelled claim only (strict)', strict));
console.log(`\ntrue positives ${lenient.truePositives}, false positives ${lenient.falsePositives}`);
if (process.argv.includes('--errors')) {
  for (const e of lenient.errors) console.log(`\n${e.text}\n  expected: ${e.expected}\n  got:      ${e.got}`);
}
