import model from './scorer.json';
import type { FEATURES, Features } from './features';

/**
 * The trained scorer: the probability that a sentence states a claim, from the features of the pair.
 * Its parameters and thresholds are in `scorer.json`, written by `npm run model:train`
 * (test/model/train-scorer.ts) from the tune half of the labelled sets.
 */

/** A decision tree: a leaf's value, or a split on feature `f` (an index into the model's `features`) at `t`. */
export type ScorerTree = number | { f: number; t: number; l: ScorerTree; r: ScorerTree };

type Thresholds = {
  /** A claim is stated when its probability reaches this. */
  threshold: number;
  /** A second claim in the same sentence must rest on this much weight of words the first ones do not use. */
  ownWeight: number;
};

/** Boosted trees over named features (log-odds: `base` plus every tree's leaf). */
export type ScorerModel = Thresholds & { features: string[]; base: number; trees: ScorerTree[] };

/** The bundled model. */
export const scorerModel: ScorerModel = model as ScorerModel;

/** A model's trees laid out flat (node: feature, or -1 for a leaf; threshold or leaf value; children), walked without allocating. */
interface Compiled {
  names: (typeof FEATURES)[number][];
  roots: Int32Array;
  feature: Int16Array;
  value: Float64Array;
  left: Int32Array;
  right: Int32Array;
  x: Float64Array;
}

const compiled = new WeakMap<ScorerModel, Compiled>();

function compile(m: ScorerModel): Compiled {
  const feature: number[] = [];
  const value: number[] = [];
  const left: number[] = [];
  const right: number[] = [];
  const add = (node: ScorerTree): number => {
    const at = feature.length;
    feature.push(typeof node === 'number' ? -1 : node.f);
    value.push(typeof node === 'number' ? node : node.t);
    left.push(-1);
    right.push(-1);
    if (typeof node !== 'number') {
      left[at] = add(node.l);
      right[at] = add(node.r);
    }
    return at;
  };
  const roots = Int32Array.from(m.trees, add);
  const names = m.features as (typeof FEATURES)[number][];
  return { names, roots, feature: Int16Array.from(feature), value: Float64Array.from(value), left: Int32Array.from(left), right: Int32Array.from(right), x: new Float64Array(names.length) };
}

/** Probability that a sentence with these features states the claim. */
export function score(f: Features, m: ScorerModel = scorerModel): number {
  let c = compiled.get(m);
  if (!c) compiled.set(m, (c = compile(m)));
  const { names, roots, feature, value, left, right, x } = c;
  for (let i = 0; i < names.length; i++) x[i] = f[names[i]!] ?? 0;
  let z = m.base;
  for (let i = 0; i < roots.length; i++) {
    let node = roots[i]!;
    while (feature[node]! >= 0) node = x[feature[node]!]! <= value[node]! ? left[node]! : right[node]!;
    z += value[node]!;
  }
  return 1 / (1 + Math.exp(-z));
}
