import { describe, expect, it } from 'vitest';
import { parseEvalSet, type EvalItem } from '../../../lib/matcher/eval-set';
import { evaluate } from '../../../lib/matcher/evaluate';
import type { ClaimMatch } from '../../../lib/matcher/schema';

const match = (claimId: string, stance: ClaimMatch['stance'] = 'corroborates'): ClaimMatch =>
  stance === 'corroborates'
    ? { claimId, start: 0, end: 1, text: 'x', stance, score: 1 }
    : { claimId, start: 0, end: 1, text: 'x', stance, score: 1, differs: [{ what: 'n', expected: '1', found: '2' }] };

describe('evaluate', () => {
  const items: EvalItem[] = [
    { text: 'a', claimId: 'c1', stance: 'corroborates' },
    { text: 'b', claimId: 'c2', stance: 'conflicts', alternatives: ['c3'] },
    { text: 'c', claimId: 'c4', stance: 'corroborates' },
    { text: 'd', claimId: null },
  ];
  const answers: Record<string, ClaimMatch[]> = {
    a: [match('c1'), match('c9')], // found, plus one false positive
    b: [match('c3', 'corroborates')], // found through the alternative, wrong stance
    c: [], // missed
    d: [match('c1')], // false positive on a negative
  };

  it('counts found positives, false positives and stance', () => {
    const f = evaluate(items, (t) => answers[t]!);
    expect(f).toMatchObject({ positives: 3, negatives: 1, truePositives: 2, falsePositives: 2 });
    expect(f.precision).toBeCloseTo(2 / 4);
    expect(f.recall).toBeCloseTo(2 / 3);
    expect(f.f1).toBeCloseTo((2 * 0.5 * (2 / 3)) / (0.5 + 2 / 3));
    expect(f.stanceAccuracy).toBeCloseTo(1 / 2);
    expect(f.errors.map((e) => e.text)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('accepts alternatives only when not strict', () => {
    const f = evaluate(items, (t) => answers[t]!, true);
    expect(f.truePositives).toBe(1);
    expect(f.falsePositives).toBe(3);
  });
});

describe('parseEvalSet', () => {
  const ids = new Set(['c1', 'c2']);
  it('accepts valid items', () => {
    expect(parseEvalSet([{ text: 'a', claimId: 'c1', stance: 'conflicts' }, { text: 'b', claimId: null }], ids)).toHaveLength(2);
  });
  it('names bad items and unknown claims', () => {
    expect(() => parseEvalSet([{ text: 'a', claimId: 'c1', stance: 'maybe' }], ids)).toThrow(/\[0\.stance\]/);
    expect(() => parseEvalSet([{ text: 'a', claimId: 'c7', stance: 'conflicts' }], ids)).toThrow(/\[0\] no claim "c7"/);
    expect(() => parseEvalSet([{ text: 'a', claimId: 'c1', stance: 'conflicts', alternatives: ['zz'] }], ids)).toThrow(/no claim "zz"/);
  });
});
