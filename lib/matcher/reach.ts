import { rarity, type ClaimIndex } from './claim-index';
import type { SentenceReading } from './facts';

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
  totalWeight(): number;
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

/** The claim terms one lemma reaches: itself (-1 when no claim says it), and near words that pass the thresholds. */
interface LemmaReach {
  own: number;
  terms: number[];
  similarities: number[];
  /** Per near term: only WordNet relates it, not the vectors alone (names are reached only so). */
  wordnet: boolean[];
}
const NOTHING: LemmaReach = { own: -1, terms: [], similarities: [], wordnet: [] };
/** Per index, what each lemma reaches, read from the lexicon once: a page says the same words again and again. */
const reaches = new WeakMap<ClaimIndex, Map<string, LemmaReach>>();
const MAX_REMEMBERED = 100_000;

function lemmaReach(index: ClaimIndex, memo: Map<string, LemmaReach>, lemma: string): LemmaReach {
  let known = memo.get(lemma);
  if (known) return known;
  const lexicon = index.tokenizer.lexicon;
  const { offsets, neighbour, similarity, linkFlags } = lexicon.data;
  const own = index.termIds.get(lemma) ?? -1;
  const e = lexicon.find(lemma);
  known = own < 0 && e < 0 ? NOTHING : { own, terms: [], similarities: [], wordnet: [] };
  if (e >= 0) {
    for (let k = offsets[e]!; k < offsets[e + 1]!; k++) {
      const t = index.termOfEntry[neighbour[k]!]!;
      if (t < 0) continue;
      const sim = similarity[k]! / 255;
      const wordnet = (linkFlags[k]! & 1) !== 0;
      if (sim < (wordnet ? MIN_SIMILARITY : MIN_VECTOR_SIMILARITY)) continue;
      if (!wordnet && index.entity[t]) continue;
      known.terms.push(t);
      known.similarities.push(sim);
      known.wordnet.push(wordnet);
    }
    if (known.own < 0 && known.terms.length === 0) known = NOTHING;
  }
  if (memo.size >= MAX_REMEMBERED) memo.clear();
  memo.set(lemma, known);
  return known;
}

/** Looks a sentence up in the index. Names reach other names only through WordNet (Russian → Russia), never the vectors (Caracas ↛ Bogotá). */
export function reach(index: ClaimIndex, s: SentenceReading): Reach {
  const lexicon = index.tokenizer.lexicon;
  let sc = scratches.get(index);
  if (!sc) scratches.set(index, (sc = new Scratch(index)));
  sc.clear();
  let memo = reaches.get(index);
  if (!memo) reaches.set(index, (memo = new Map()));
  const lemmas = [...s.lemmas];
  const proper = new Set<string>();
  for (const t of s.tokens) if (t.proper && t.lemma) proper.add(t.lemma);
  lemmas.forEach((l, i) => {
    const { own, terms, similarities, wordnet } = lemmaReach(index, memo, l);
    if (own >= 0) sc.say(own, 1, i);
    const name = proper.has(l);
    for (let k = 0; k < terms.length; k++) if (wordnet[k] || !name) sc.say(terms[k]!, similarities[k]!, i);
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
  let totalWeight: number | undefined;
  let positions: Map<string, number[]> | undefined;
  const scratch = sc;
  return {
    said: (t) => scratch.said[t]!,
    from: (t) => lemmas[scratch.from[t]!]!,
    variants: sc.variants.subarray(0, sc.variantCount),
    reached: (v) => scratch.reached[v]!,
    hits: (v) => scratch.hits[v]!,
    weight: (l) => (weights ??= new Map(lemmas.map((x) => [x, rarity(lexicon, x)]))).get(l) ?? 0,
    totalWeight: () => {
      if (totalWeight === undefined) {
        totalWeight = 0;
        for (const l of lemmas) totalWeight += rarity(lexicon, l);
      }
      return totalWeight;
    },
    positions: (l) => {
      if (!positions) {
        const found = (positions = new Map<string, number[]>());
        const add = (x: string | null, i: number) => {
          if (!x) return;
          const at = found.get(x);
          if (at) at.push(i);
          else found.set(x, [i]);
        };
        s.tokens.forEach((t, i) => {
          add(t.lemma, i);
          add(t.phrase, i);
        });
      }
      return positions.get(l) ?? [];
    },
  };
}
