import type { SyncVersion, VersionVector } from './schema';

/**
 * Histories: which edits a version was made on top of, so sync can tell "edited after seeing the
 * other version" (replace it) from "edited at the same time" (keep both). Each edit is a dot
 * (device, counter); a history maps each device to its highest counter seen, plus the counters
 * below it that were NOT seen (a conflict the reader left unresolved), so keeping a conflict can
 * never be mistaken for having seen it. Counters, not clocks: a wrong clock cannot fake history.
 */

/** Whether `h` includes edit number `n` of `device`. */
export function hasSeen(h: VersionVector, device: string, n: number): boolean {
  const e = h[device];
  if (e === undefined) return false;
  if (typeof e === 'number') return n <= e;
  return n <= e[0]! && !e.slice(1).includes(n);
}

const maxOf = (e: number | number[] | undefined) => (e === undefined ? 0 : typeof e === 'number' ? e : e[0]!);

/** The counters below its highest that a history entry lists as not seen. */
const gapsOf = (e: number | number[] | undefined): number[] => (Array.isArray(e) ? e.slice(1) : []);

/** The history that includes everything any of `hs` includes, keys sorted. */
export function joinHistories(...hs: VersionVector[]): VersionVector {
  const out: VersionVector = {};
  for (const device of new Set(hs.flatMap((h) => Object.keys(h))).values()) {
    const entries = hs.map((h) => h[device]);
    const max = Math.max(...entries.map(maxOf));
    // A counter stays unseen only if every history lists it as a gap or stops below it. Sets,
    // so the cost follows the gaps listed, not their square.
    const unseen = entries.map((e) => ({ top: maxOf(e), gaps: new Set(gapsOf(e)) }));
    const candidates = new Set(entries.flatMap(gapsOf));
    const missing = [...candidates].filter((n) => n <= max && unseen.every((u) => n > u.top || u.gaps.has(n))).sort((a, b) => a - b);
    out[device] = missing.length ? [max, ...missing] : max;
  }
  return sortHistory(out);
}

/** `h` plus the single edit `n` of `device` (counters in between stay unseen). */
export function addDot(h: VersionVector, device: string, n: number): VersionVector {
  const e = h[device];
  const max = maxOf(e);
  const top = Math.max(max, n);
  const gaps = new Set(gapsOf(e).filter((g) => g !== n && g <= top));
  // Counters between the highest seen and `n` are new gaps; nothing else changes.
  for (let g = max + 1; g < n; g++) gaps.add(g);
  const sorted = [...gaps].sort((a, b) => a - b);
  return sortHistory({ ...h, [device]: sorted.length ? [top, ...sorted] : top });
}

/** The highest counter of `device` in any of `hs`: a new edit there takes the next one. */
export function topCounter(device: string, hs: VersionVector[]): number {
  return Math.max(0, ...hs.map((h) => maxOf(h[device])));
}

/** The device key of a version's own edit (its dot). */
export const dotDevice = (v: Pick<SyncVersion, 'd' | 'k'>): string => v.k ?? v.d;

/** Whether `w` was made after seeing `v` (and `v` did not see `w`): `w` replaces `v`. */
export function replaces(w: SyncVersion, v: SyncVersion): boolean {
  return hasSeen(w.vv, dotDevice(v), v.n) && !hasSeen(v.vv, dotDevice(w), w.n);
}

/** Same history with keys in a fixed order, so equal histories encode to equal strings. */
export function sortHistory(h: VersionVector): VersionVector {
  return Object.fromEntries(Object.entries(h).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
