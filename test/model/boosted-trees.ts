import type { ScorerTree } from '@/lib/matcher/scorer';

/**
 * Gradient-boosted decision trees for the logistic loss (second-order, as in XGBoost), small and
 * deterministic: each tree is grown to `depth` by the split with the best gain over the features'
 * quantile bins, and its leaves shrink by `rate`.
 */
export interface BoostOptions {
  rounds: number;
  depth: number;
  rate: number;
  /** Least total hessian (about: examples) in a leaf. */
  minLeaf: number;
  /** L2 penalty on leaf values. */
  lambda: number;
}

type Example = { x: number[]; y: number };

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Quantile cut points of one feature: the thresholds splits may use. */
function cuts(values: number[], bins = 32): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out = new Set<number>();
  for (let k = 1; k < bins; k++) out.add(sorted[Math.floor((k * sorted.length) / bins)]!);
  return [...out].sort((a, b) => a - b);
}

export function boost(data: Example[], o: BoostOptions): { base: number; trees: ScorerTree[] } {
  const n = data.length;
  const dims = data[0]!.x.length;
  const mean = data.reduce((s, d) => s + d.y, 0) / n;
  const base = Math.log(mean / (1 - mean));
  const f = new Float64Array(n).fill(base);
  const thresholds = Array.from({ length: dims }, (_, j) => cuts(data.map((d) => d.x[j]!)));
  const trees: ScorerTree[] = [];
  for (let round = 0; round < o.rounds; round++) {
    const g = new Float64Array(n);
    const h = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const p = sigmoid(f[i]!);
      g[i] = p - data[i]!.y;
      h[i] = Math.max(p * (1 - p), 1e-6);
    }
    const grow = (rows: number[], level: number): ScorerTree => {
      let G = 0;
      let H = 0;
      for (const i of rows) {
        G += g[i]!;
        H += h[i]!;
      }
      const leaf = (-G / (H + o.lambda)) * o.rate;
      if (level === o.depth || H < 2 * o.minLeaf) return leaf;
      let best = { gain: 0, feature: -1, threshold: 0 };
      const parent = (G * G) / (H + o.lambda);
      for (let j = 0; j < dims; j++) {
        const ts = thresholds[j]!;
        const gl = new Float64Array(ts.length);
        const hl = new Float64Array(ts.length);
        for (const i of rows) {
          const v = data[i]!.x[j]!;
          // Bin k holds the rows going left at threshold k (v <= ts[k]).
          let lo = 0;
          let hi = ts.length;
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (ts[mid]! < v) lo = mid + 1;
            else hi = mid;
          }
          if (lo < ts.length) {
            gl[lo]! += g[i]!;
            hl[lo]! += h[i]!;
          }
        }
        let GL = 0;
        let HL = 0;
        for (let k = 0; k < ts.length; k++) {
          GL += gl[k]!;
          HL += hl[k]!;
          const GR = G - GL;
          const HR = H - HL;
          if (HL < o.minLeaf || HR < o.minLeaf) continue;
          const gain = (GL * GL) / (HL + o.lambda) + (GR * GR) / (HR + o.lambda) - parent;
          if (gain > best.gain) best = { gain, feature: j, threshold: ts[k]! };
        }
      }
      if (best.feature < 0) return leaf;
      const left = rows.filter((i) => data[i]!.x[best.feature]! <= best.threshold);
      const right = rows.filter((i) => data[i]!.x[best.feature]! > best.threshold);
      return { f: best.feature, t: best.threshold, l: grow(left, level + 1), r: grow(right, level + 1) };
    };
    const tree = grow([...Array(n).keys()], 0);
    trees.push(tree);
    for (let i = 0; i < n; i++) f[i]! += evaluateTree(tree, data[i]!.x);
  }
  return { base, trees };
}

export function evaluateTree(tree: ScorerTree, x: number[]): number {
  let node = tree;
  while (typeof node !== 'number') node = x[node.f]! <= node.t ? node.l : node.r;
  return node;
}
