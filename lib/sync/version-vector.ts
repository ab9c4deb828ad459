import type { VersionVector } from './schema';

/**
 * Version vectors: how sync tells "edited after seeing the other version" (replace it) from
 * "edited at the same time" (keep both). Counters, not clocks, so a wrong device clock cannot make
 * an old edit look new.
 */

/** How two histories relate. */
export type Order = 'before' | 'after' | 'equal' | 'concurrent';

/** Compares two vectors: 'after' means `a` includes everything `b` does and more. */
export function compareVectors(a: VersionVector, b: VersionVector): Order {
  let aMore = false;
  let bMore = false;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[key] ?? 0;
    const y = b[key] ?? 0;
    if (x > y) aMore = true;
    else if (y > x) bMore = true;
  }
  if (aMore && bMore) return 'concurrent';
  if (aMore) return 'after';
  if (bMore) return 'before';
  return 'equal';
}

/** The smallest vector that includes all of `vectors` (pointwise maximum), keys sorted. */
export function joinVectors(...vectors: VersionVector[]): VersionVector {
  const out: Record<string, number> = {};
  for (const v of vectors) {
    for (const [key, n] of Object.entries(v)) out[key] = Math.max(out[key] ?? 0, n);
  }
  return sortVector(out);
}

/** A new edit on `device` made on top of `base`. */
export function bumpVector(base: VersionVector, device: string): VersionVector {
  return sortVector({ ...base, [device]: (base[device] ?? 0) + 1 });
}

/** Same vector with keys in a fixed order, so equal vectors encode to equal strings. */
export function sortVector(v: VersionVector): VersionVector {
  return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
