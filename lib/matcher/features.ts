import { claimOf, ENTITY, EVENT, FACT, PREDICATE, type ClaimIndex } from './claim-index';
import { MIN_SIMILARITY, type Reach } from './reach';
import type { DateMention } from './dates';
import { judgeFact, UNIT_KINSHIP, type SentenceReading } from './facts';
import { negatedNear } from './tokens';
import type { MatchDifference } from './schema';

/**
 * What a sentence says about a claim, as numbers a trained scorer weighs (`scorer.ts`). Every
 * feature is about the pair's shape (how much of the claim is said, by which kind of word, whether
 * its figures agree), never about a particular claim or word, so the scorer carries over to claims
 * it was not trained on.
 */
export const FEATURES = [
  'coverage', // weighted share of the claim's words the sentence says, in its words or near ones
  'exact', // the same, counting only the claim's own words
  'entities', // share of the claim's names the sentence gives (1 when the claim names none)
  'predicate', // share of the rest of what the claim says (words that are neither names, facts' values nor verbs)
  'event', // share of the claim's verbs, what happened (1 when it has none)
  'eventBest', // the best-said verb of the claim (1 when it has none)
  'entityBest', // the weightiest of the claim's names the sentence gives, over its weightiest name (1 when none)
  'distinct', // the claim's weightiest word that is neither a name nor a verb is said (1 when none)
  'gist', // how much the sentence says of the claim in absolute weight (long claims are stated by their gist)
  'missing', // the weight of the weightiest claim word the sentence lacks, over the claim's weightiest
  'explains', // share of the sentence's own weight the claim accounts for
  'agree', // facts that agree (counts, dates, titles), capped at 2
  'countAgrees', // a count of the claim agrees, with what it counts
  'conflict', // facts that differ
  'absentFacts', // share of the claim's facts the sentence does not mention
  'countsOther', // the sentence counts something, but not what the claim counts
  'negation', // the sentence denies what the claim states, or states what it denies
  'quote', // the sentence lies inside one of the claim's verbatim quotes
] as const;
export type Features = Record<(typeof FEATURES)[number], number>;

/** The facts of a claim judged against a sentence: how many agree, whether a count does, and what differs. */
export type JudgedFacts = { agree: number; countAgrees: boolean; differs: MatchDifference[] };

/** How far from the claim's words a date may stand and still be the claim's date. */
const DATE_REACH = 8;

export function judgeFacts(index: ClaimIndex, variant: number, s: SentenceReading, r: Reach): JudgedFacts {
  const claim = index.variantClaim[variant]!;
  const c = claimOf(index, claim);
  // Where the sentence says the claim's words: read only for a date that may clash, since few sentences give one.
  let at: number[] | undefined;
  const claimWordsAt = () => {
    const found: number[] = [];
    for (let k = index.variantStart[variant]!; k < index.variantStart[variant + 1]!; k++) {
      const t = index.variantTerms[k]!;
      if (r.said(t) >= MIN_SIMILARITY) found.push(...r.positions(r.from(t)));
    }
    return found;
  };
  const near = (token: number) => (at ??= claimWordsAt()).some((p) => Math.abs(p - token) <= DATE_REACH);
  const similar = (a: string, b: string) => index.tokenizer.lexicon.similarity(a, b);
  // What a count counts may be named by a near word's near word ("servicemen" for "troops").
  const kin = (a: string, b: string) => index.tokenizer.lexicon.kinship(a, b);
  const said = (l: string) => {
    const t = index.termIds.get(l);
    return t === undefined ? 0 : r.said(t);
  };
  // Dates that one of the claim's date facts explains are no conflict for its others ("left Friday, landed Saturday").
  const explained = new Set<DateMention>();
  if (s.dates.length > 1) {
    for (const f of c.facts) {
      if (f.kind !== 'date') continue;
      for (const d of s.dates) if (judgeFact(f, { ...s, dates: [d] }, said, new Set(), similar).status === 'agree') explained.add(d);
    }
  }
  let agree = 0;
  let countAgrees = false;
  const differs: MatchDifference[] = [];
  for (const f of c.facts) {
    const v = judgeFact(f, s, said, explained, similar, near, kin);
    if (v.status === 'agree') agree++;
    if (v.status === 'agree' && f.kind === 'number') countAgrees = true;
    if (v.status === 'conflict') differs.push({ what: f.key, expected: f.text, found: v.found });
  }
  return { agree, countAgrees, differs };
}

/** Full weight: a claim stated with this much of its weight is stated by its gist, however long. */
const FULL_WEIGHT = 3;

/** The features of one wording of a claim (variant `v`) against a sentence; `facts` are the claim's, judged once. */
export function featuresOf(
  index: ClaimIndex,
  s: SentenceReading,
  r: Reach,
  v: number,
  facts: JudgedFacts,
  inQuote: boolean,
): { features: Features; used: string[]; negationDiffers: boolean } {
  const lexicon = index.tokenizer.lexicon;
  let all = 0;
  let exact = 0;
  const roleSaid = [0, 0, 0, 0];
  const roleTotal = [0, 0, 0, 0];
  let heaviest = 0;
  let missing = 0;
  let eventBest = -1;
  let entitySaid = 0;
  let entityMost = 0;
  let distinct = { weight: 0, said: 1 };
  const used: string[] = [];
  for (let k = index.variantStart[v]!; k < index.variantStart[v + 1]!; k++) {
    const t = index.variantTerms[k]!;
    const role = index.variantRoles[k]!;
    const weight = index.weights[t]!;
    const said = r.said(t);
    all += weight * said;
    if (said === 1) exact += weight;
    roleSaid[role]! += weight * said;
    roleTotal[role]! += weight;
    heaviest = Math.max(heaviest, weight);
    if (role === EVENT) eventBest = Math.max(eventBest, said);
    if (role === ENTITY) {
      if (said >= MIN_SIMILARITY) entitySaid = Math.max(entitySaid, weight);
      entityMost = Math.max(entityMost, weight);
    }
    if ((role === PREDICATE || role === FACT) && weight > distinct.weight) distinct = { weight, said };
    if (said < MIN_SIMILARITY) missing = Math.max(missing, weight);
    else {
      const from = r.from(t);
      if (!used.includes(from)) used.push(from);
    }
  }
  const total = index.variantTotal[v]!;
  let own = 0;
  for (const l of used) own += r.weight(l);
  const c = claimOf(index, index.variantClaim[v]!);
  const units = c.facts.flatMap((f) => (f.kind === 'number' ? f.unit : []));
  const counted = s.numbers.filter((n) => n.unit.length > 0);
  const countsOther =
    units.length > 0 && counted.length > 0 && !counted.some((n) => n.unit.some((u) => units.some((w) => lexicon.similarity(u, w) >= 0.6 || lexicon.kinship(u, w) >= UNIT_KINSHIP)));
  const share = (role: number) => (roleTotal[role]! > 0 ? roleSaid[role]! / roleTotal[role]! : 1);
  // Denied is what a negator stands right before: "did not comment", not "not only … but landed".
  const positions = used.flatMap((l) => r.positions(l));
  const negationDiffers = negatedNear(s.tokens, positions) !== c.negated;
  const features: Features = {
    coverage: total > 0 ? all / total : 0,
    exact: total > 0 ? exact / total : 0,
    entities: share(ENTITY),
    predicate: share(PREDICATE),
    event: share(EVENT),
    eventBest: eventBest < 0 ? 1 : eventBest,
    entityBest: entityMost > 0 ? entitySaid / entityMost : 1,
    distinct: distinct.said,
    gist: Math.min(1, all / FULL_WEIGHT),
    missing: heaviest > 0 ? missing / heaviest : 0,
    explains: r.totalWeight() > 0 ? own / r.totalWeight() : 0,
    agree: Math.min(2, facts.agree),
    countAgrees: facts.countAgrees ? 1 : 0,
    conflict: Math.min(2, facts.differs.length),
    absentFacts: c.facts.length ? (c.facts.length - facts.agree - facts.differs.length) / c.facts.length : 0,
    countsOther: countsOther ? 1 : 0,
    negation: negationDiffers ? 1 : 0,
    quote: inQuote ? 1 : 0,
  };
  return { features, used, negationDiffers };
}
