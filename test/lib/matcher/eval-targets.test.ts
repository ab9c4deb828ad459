import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../lib/matcher/evaluate';
import { loadEval } from '../../eval/load';
import { loadMatcher } from '../../eval/matcher';

/** The labelled sets are as large as issue 10 asks, and the matcher keeps its figures on them. */
describe('matcher on the evaluation sets', () => {
  const { db, handWritten, tune, test } = loadEval();
  const match = loadMatcher(db);
  const coverage = [...tune, ...test];

  it('real coverage: at least 600 sentences from 60 pages, 150 negatives and 40 conflicts', () => {
    expect(coverage.length).toBeGreaterThanOrEqual(600);
    expect(new Set(coverage.map((s) => s.source)).size).toBeGreaterThanOrEqual(60);
    expect(coverage.filter((s) => s.labels.length === 0).length).toBeGreaterThanOrEqual(150);
    expect(coverage.filter((s) => s.labels.some((l) => l.stance === 'conflicts')).length).toBeGreaterThanOrEqual(40);
    expect(test.length).toBeGreaterThan(0.4 * coverage.length);
  });

  it('hand-written set: precision 0.95, recall 0.90 and stance accuracy 0.90', () => {
    const f = evaluate(handWritten, match);
    expect(f.precision).toBeGreaterThanOrEqual(0.95);
    expect(f.recall).toBeGreaterThanOrEqual(0.9);
    expect(f.stanceAccuracy).toBeGreaterThanOrEqual(0.9);
  });
});
