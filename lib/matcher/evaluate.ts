import type { ClaimMatch } from './schema';

/** One claim a labelled sentence states: the claim, or any of its alternatives, counts as found. */
export interface Label {
  id: string;
  stance: 'corroborates' | 'conflicts';
  alternatives: string[];
  /** For conflicts: the fact keys that differ ("negation", "other" where no key fits). */
  differs: string[];
}

/** A sentence and every claim it states (none: a negative). */
export interface LabelledSentence {
  text: string;
  labels: Label[];
  /** Where it came from (a page URL), for reading errors. */
  source?: string;
  /** Its outlet group (wire story or domain), which keeps an outlet's sentences together in any split. */
  group?: string;
}

/** Figures for claim detection and stance, as `npm run eval` prints them. */
export interface EvalFigures {
  sentences: number;
  /** Claims stated, over all sentences (a sentence may state several). */
  positives: number;
  negatives: number;
  truePositives: number;
  falsePositives: number;
  precision: number;
  recall: number;
  f1: number;
  /** Share of found claims whose stance matches the label. */
  stanceAccuracy: number;
  /** Stated conflicts: how many, how many were flagged as conflicts, and how many of those name a differing fact the label names. */
  conflicts: { stated: number; flagged: number; rightDetail: number };
  /** Per claim: stated and found. */
  perClaim: Map<string, { stated: number; found: number }>;
  /** Sentences the matcher got wrong, for reading, not for asserting. */
  errors: { text: string; source?: string; expected: string; got: string }[];
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
const describe = (m: ClaimMatch) => `${m.claimId} ${m.stance}${m.differs ? ` ${JSON.stringify(m.differs.map((d) => `${d.what}: ${d.found}`))}` : ''}`;

/**
 * Scores a matcher. A stated claim counts as found when a match names it or one of its
 * alternatives; every other claim matched is a false positive (once per sentence).
 */
export function evaluate(items: LabelledSentence[], match: (text: string) => ClaimMatch[]): EvalFigures {
  let tp = 0;
  let fp = 0;
  let positives = 0;
  let stanceRight = 0;
  const conflicts = { stated: 0, flagged: 0, rightDetail: 0 };
  const perClaim = new Map<string, { stated: number; found: number }>();
  const errors: EvalFigures['errors'] = [];
  for (const item of items) {
    const got = match(item.text);
    const accepted = new Set(item.labels.flatMap((l) => [l.id, ...l.alternatives]));
    const wrong = new Set(got.filter((m) => !accepted.has(m.claimId)).map((m) => m.claimId));
    fp += wrong.size;
    let ok = wrong.size === 0;
    for (const label of item.labels) {
      positives++;
      const claim = perClaim.get(label.id) ?? { stated: 0, found: 0 };
      claim.stated++;
      perClaim.set(label.id, claim);
      const ids = [label.id, ...label.alternatives];
      const hits = got.filter((m) => ids.includes(m.claimId));
      if (label.stance === 'conflicts') conflicts.stated++;
      if (hits.length === 0) {
        ok = false;
        continue;
      }
      tp++;
      claim.found++;
      const hit = hits.find((m) => m.stance === label.stance) ?? hits[0]!;
      if (hit.stance === label.stance) stanceRight++;
      else ok = false;
      if (label.stance === 'conflicts' && hit.stance === 'conflicts') {
        conflicts.flagged++;
        if (hit.differs?.some((d) => label.differs.includes(d.what))) conflicts.rightDetail++;
      }
    }
    if (!ok) {
      const expected = item.labels.map((l) => `${l.id} ${l.stance}${l.differs.length ? ` [${l.differs.join(', ')}]` : ''}`).join('; ') || 'nothing';
      errors.push({ text: item.text, source: item.source, expected, got: got.map(describe).join('; ') || 'nothing' });
    }
  }
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, positives);
  return {
    sentences: items.length,
    positives,
    negatives: items.filter((i) => i.labels.length === 0).length,
    truePositives: tp,
    falsePositives: fp,
    precision,
    recall,
    f1: ratio(2 * precision * recall, precision + recall),
    stanceAccuracy: ratio(stanceRight, tp),
    conflicts,
    perClaim,
    errors,
  };
}
