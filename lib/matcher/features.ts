import { ENTITY, EVENT, FACT, PREDICATE, rarity, type ClaimIndex } from './claim-index';
import type { DateMention } from './dates';
import { judgeFact, type SentenceReading } from './facts';
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

/**
 * The claim words a sentence reaches: exactly, or through a near word of the lexicon, and the
 * wordings (variants) those words belong to. It reads scratch arrays of the index: a Reach is valid
 * until the next `reach` on the same index.
 */
export interface Reach {
  /** How closely the sentence says term t (1: in the same word; 0: not at all), and the sentence lemma that says it. */
  said(t: number): number;
  from(t: number): string;
  /** Variants the sentence reaches, with the weight of their terms it says (weight times how closely) and how many. */
  variants: Int32Array;
  reached(v: number): number;
  hits(v: number): number;
  /** The sentence's own lemmas: how much each weighs, their sum, and where each stands (token indexes). */
  weight(lemma: string): number;
  totalWeight: number;
  positions(lemma: string): number[];
}

/** Lowest lexicon similarity at which a sentence word stands for a claim word. */
export const MIN_SIMILARITY = 0.5;
/**
 * Words the vectors alone relate must be closer: below this they are mostly words of the same topic
 * ("arrive" and "reporter"), not words for the same thing.
 */
export const MIN_VECTOR_SIMILARITY = 0.7;

/** Per index, buffers reused from sentence to sentence (a page has hundreds): sums per variant and per term. */
class Scratch {
  readonly reached: Float64Array;
  readonly hits: Uint16Array;
  readonly variants: Int32Array;
  variantCount = 0;
  readonly said: Float64Array;
  readonly from: Int32Array;
  readonly terms: Int32Array;
  termCount = 0;

  constructor(index: ClaimIndex) {
    const v = index.variantClaim.length;
    const t = index.terms.length;
    [this.reached, this.hits, this.variants] = [new Float64Array(v), new Uint16Array(v), new Int32Array(v)];
    [this.said, this.from, this.terms] = [new Float64Array(t), new Int32Array(t), new Int32Array(t)];
  }

  clear(): void {
    for (let i = 0; i < this.variantCount; i++) {
      this.reached[this.variants[i]!] = 0;
      this.hits[this.variants[i]!] = 0;
    }
    for (let i = 0; i < this.termCount; i++) this.said[this.terms[i]!] = 0;
    this.variantCount = 0;
    this.termCount = 0;
  }

  say(t: number, similarity: number, from: number): void {
    if (this.said[t]! >= similarity) return;
    if (this.said[t] === 0) this.terms[this.termCount++] = t;
    this.said[t] = similarity;
    this.from[t] = from;
  }
}
const scratches = new WeakMap<ClaimIndex, Scratch>();

/** Looks a sentence up in the index. Names reach other names only through WordNet (Russian → Russia), never the vectors (Caracas ↛ Bogotá). */
export function reach(index: ClaimIndex, s: SentenceReading): Reach {
  const lexicon = index.tokenizer.lexicon;
  const { offsets, neighbour, similarity, linkFlags } = lexicon.data;
  let sc = scratches.get(index);
  if (!sc) scratches.set(index, (sc = new Scratch(index)));
  sc.clear();
  const lemmas = [...s.lemmas];
  const proper = new Set<string>();
  for (const t of s.tokens) if (t.proper && t.lemma) proper.add(t.lemma);
  lemmas.forEach((l, i) => {
    const own = index.termIds.get(l);
    if (own !== undefined) sc.say(own, 1, i);
    const e = lexicon.find(l);
    if (e < 0) return;
    const name = proper.has(l);
    for (let k = offsets[e]!; k < offsets[e + 1]!; k++) {
      const t = index.termOfEntry[neighbour[k]!]!;
      if (t < 0) continue;
      const sim = similarity[k]! / 255;
      const wordnet = (linkFlags[k]! & 1) !== 0;
      if (sim < (wordnet ? MIN_SIMILARITY : MIN_VECTOR_SIMILARITY)) continue;
      if (!wordnet && (name || index.entity[t])) continue;
      sc.say(t, sim, i);
    }
  });
  for (let i = 0; i < sc.termCount; i++) {
    const t = sc.terms[i]!;
    const w = index.weights[t]! * sc.said[t]!;
    for (let k = index.postingStart[t]!; k < index.postingStart[t + 1]!; k++) {
      const v = index.postingList[k]!;
      if (sc.hits[v] === 0) sc.variants[sc.variantCount++] = v;
      sc.reached[v]! += w;
      sc.hits[v]!++;
    }
  }
  // What the sentence's own words weigh and where they stand, read only for the few claims scored.
  let weights: Map<string, number> | undefined;
  let totalWeight = 0;
  for (const l of lemmas) totalWeight += rarity(lexicon, l);
  let positions: Map<string, number[]> | undefined;
  const scratch = sc;
  return {
    said: (t) => scratch.said[t]!,
    from: (t) => lemmas[scratch.from[t]!]!,
    variants: sc.variants.subarray(0, sc.variantCount),
    reached: (v) => scratch.reached[v]!,
    hits: (v) => scratch.hits[v]!,
    weight: (l) => (weights ??= new Map(lemmas.map((x) => [x, rarity(lexicon, x)]))).get(l) ?? 0,
    totalWeight,
    positions: (l) => {
      if (!positions) {
        positions = new Map();
        s.tokens.forEach((t, i) => {
          for (const x of [t.lemma, t.phrase]) if (x) positions!.set(x, [...(positions!.get(x) ?? []), i]);
        });
      }
      return positions.get(l) ?? [];
    },
  };
}

/** The facts of a claim judged against a sentence: how many agree, whether a count does, and what differs. */
export type JudgedFacts = { agree: number; countAgrees: boolean; differs: MatchDifference[] };

/** How far from the claim's words a date may stand and still be the claim's date. */
const DATE_REACH = 8;

export function judgeFacts(index: ClaimIndex, variant: number, s: SentenceReading, r: Reach): JudgedFacts {
  const claim = index.variantClaim[variant]!;
  const c = index.claims[claim]!;
  // Where the sentence says the claim's words.
  const at: number[] = [];
  for (let k = index.variantStart[variant]!; k < index.variantStart[variant + 1]!; k++) {
    const t = index.variantTerms[k]!;
    if (r.said(t) >= MIN_SIMILARITY) at.push(...r.positions(r.from(t)));
  }
  const near = (token: number) => at.some((p) => Math.abs(p - token) <= DATE_REACH);
  const similar = (a: string, b: string) => index.tokenizer.lexicon.similarity(a, b);
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
    const v = judgeFact(f, s, said, explained, similar, near);
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
  const c = index.claims[index.variantClaim[v]!]!;
  const units = c.facts.flatMap((f) => (f.kind === 'number' ? f.unit : []));
  const counted = s.numbers.filter((n) => n.unit.length > 0);
  const countsOther =
    units.length > 0 && counted.length > 0 && !counted.some((n) => n.unit.some((u) => units.some((w) => lexicon.similarity(u, w) >= 0.6)));
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
    explains: r.totalWeight > 0 ? own / r.totalWeight : 0,
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
