import { describe, expect, it } from 'vitest';
import { labelledSentences, parseEvalSet } from '@/lib/matcher/eval-set';
import { evaluate, type LabelledSentence } from '@/lib/matcher/evaluate';
import type { ClaimMatch } from '@/lib/matcher/schema';

const match = (claimId: string, stance: ClaimMatch['stance'] = 'corroborates', what = 'n'): ClaimMatch =>
  stance === 'corroborates'
    ? { claimId, start: 0, end: 1, text: 'x', stance, score: 1 }
    : { claimId, start: 0, end: 1, text: 'x', stance, score: 1, differs: [{ what, expected: '1', found: '2' }] };

const label = (id: string, stance: 'corroborates' | 'conflicts' = 'corroborates', alternatives: string[] = [], differs: string[] = []) => ({ id, stance, alternatives, differs });

describe('evaluate', () => {
  const items: LabelledSentence[] = [
    { text: 'a', labels: [label('c1')] },
    { text: 'b', labels: [label('c2', 'conflicts', ['c3'], ['count'])] },
    { text: 'c', labels: [label('c4')] },
    { text: 'd', labels: [] },
    { text: 'e', labels: [label('c5'), label('c6', 'conflicts', [], ['date'])] },
  ];
  const answers: Record<string, ClaimMatch[]> = {
    a: [match('c1'), match('c9')], // found, plus one false positive
    b: [match('c3', 'corroborates')], // found through the alternative, wrong stance
    c: [], // missed
    d: [match('c1'), match('c1')], // one false positive on a negative, however many spans
    e: [match('c5'), match('c6', 'conflicts', 'date')], // two claims in one sentence, the conflict with the right detail
  };

  it('counts found claims, false positives, stance and conflicts', () => {
    const f = evaluate(items, (t) => answers[t]!);
    expect(f).toMatchObject({ sentences: 5, positives: 5, negatives: 1, truePositives: 4, falsePositives: 2 });
    expect(f.precision).toBeCloseTo(4 / 6);
    expect(f.recall).toBeCloseTo(4 / 5);
    expect(f.stanceAccuracy).toBeCloseTo(3 / 4);
    expect(f.conflicts).toEqual({ stated: 2, flagged: 1, rightDetail: 1 });
    expect(f.perClaim.get('c4')).toEqual({ stated: 1, found: 0 });
    expect(f.perClaim.get('c2')).toEqual({ stated: 1, found: 1 });
    expect(f.errors.map((e) => e.text)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('a conflict flagged on the wrong detail is flagged, not right', () => {
    const f = evaluate([{ text: 'x', labels: [label('c6', 'conflicts', [], ['date'])] }], () => [match('c6', 'conflicts', 'count')]);
    expect(f.conflicts).toEqual({ stated: 1, flagged: 1, rightDetail: 0 });
  });
});

describe('parseEvalSet', () => {
  const ids = new Set(['c1', 'c2']);
  it('accepts valid items, as labelled sentences', () => {
    const items = parseEvalSet([{ text: 'a', claimId: 'c1', stance: 'conflicts', alternatives: ['c2'] }, { text: 'b', claimId: null }], ids);
    expect(labelledSentences(items)).toEqual([
      { text: 'a', labels: [{ id: 'c1', stance: 'conflicts', alternatives: ['c2'], differs: [] }] },
      { text: 'b', labels: [] },
    ]);
  });
  it('names bad items and unknown claims', () => {
    expect(() => parseEvalSet([{ text: 'a', claimId: 'c1', stance: 'maybe' }], ids)).toThrow(/\[0\.stance\]/);
    expect(() => parseEvalSet([{ text: 'a', claimId: 'c7', stance: 'conflicts' }], ids)).toThrow(/\[0\] no claim "c7"/);
    expect(() => parseEvalSet([{ text: 'a', claimId: 'c1', stance: 'conflicts', alternatives: ['zz'] }], ids)).toThrow(/no claim "zz"/);
  });
});
