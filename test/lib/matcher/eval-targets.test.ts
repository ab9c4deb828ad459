import { describe, expect, it } from 'vitest';
import { buildClaimIndex } from '../../../lib/matcher/claim-index';
import { evaluate } from '../../../lib/matcher/evaluate';
import { matchText } from '../../../lib/matcher/match';
import { loadEval } from '../../eval/load';

/** Issue 4's targets on the labelled set (the figures `npm run eval` prints). */
describe('matcher on the evaluation set', () => {
  const { db, items } = loadEval();
  const index = buildClaimIndex(db);

  it('has at least 250 positive sentences and 120 hard negatives', () => {
    expect(items.filter((i) => i.claimId !== null).length).toBeGreaterThanOrEqual(250);
    expect(items.filter((i) => i.claimId === null).length).toBeGreaterThanOrEqual(120);
  });

  it('reaches precision 0.95, recall 0.90 and stance accuracy 0.90', () => {
    const f = evaluate(items, (text) => matchText(index, text));
    expect(f.precision).toBeGreaterThanOrEqual(0.95);
    expect(f.recall).toBeGreaterThanOrEqual(0.9);
    expect(f.stanceAccuracy).toBeGreaterThanOrEqual(0.9);
  });
});
