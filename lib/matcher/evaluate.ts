import type { EvalItem } from './eval-set';
import type { ClaimMatch } from './schema';

/** Figures for claim detection and stance, as `npm run eval` prints them. */
export interface EvalFigures {
  positives: number;
  negatives: number;
  truePositives: number;
  falsePositives: number;
  precision: number;
  recall: number;
  f1: number;
  /** Share of detected positives whose stance matches the label. */
  stanceAccuracy: number;
  /** Items the matcher got wrong, for reading, not for asserting. */
  errors: { text: string; expected: string; got: string }[];
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

/**
 * Scores a matcher on the labelled set. A positive counts as found when a match names its claim
 * (or, unless `strict`, one of its listed alternatives); every other claim matched, on a positive or
 * a negative, is a false positive. Stance is scored on the found positives.
 */
export function evaluate(items: EvalItem[], match: (text: string) => ClaimMatch[], strict = false): EvalFigures {
  let tp = 0;
  let fp = 0;
  let stanceRight = 0;
  const errors: EvalFigures['errors'] = [];
  for (const item of items) {
    const got = match(item.text);
    const accepted = item.claimId === null ? [] : [item.claimId, ...(strict ? [] : (item.alternatives ?? []))];
    const hit = got.find((m) => accepted.includes(m.claimId));
    const wrong = got.filter((m) => !accepted.includes(m.claimId));
    fp += wrong.length;
    if (hit) tp++;
    if (hit && item.claimId !== null && hit.stance === item.stance) stanceRight++;
    const ok = !wrong.length && (item.claimId === null || (hit && hit.stance === item.stance));
    if (!ok) {
      const expected = item.claimId === null ? 'nothing' : `${item.claimId} ${item.stance}`;
      errors.push({ text: item.text, expected, got: got.map((m) => `${m.claimId} ${m.stance}${m.differs ? ` ${JSON.stringify(m.differs)}` : ''}`).join('; ') || 'nothing' });
    }
  }
  const positives = items.filter((i) => i.claimId !== null).length;
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, positives);
  return {
    positives,
    negatives: items.length - positives,
    truePositives: tp,
    falsePositives: fp,
    precision,
    recall,
    f1: ratio(2 * precision * recall, precision + recall),
    stanceAccuracy: ratio(stanceRight, tp),
    errors,
  };
}
