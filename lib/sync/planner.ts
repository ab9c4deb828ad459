import { itemBytes } from './bytes';
import { encodeEntry, entryString, minEncodedBytes } from './codec';
import type { AreaSnapshot } from './area-reader';
import type { NoteSyncState, SyncEntry } from './schema';

/**
 * Decides what `storage.sync` should hold: the most recently edited live notes first, then
 * tombstones, as many as fit the byte and item budget; tombstones older than the time-to-live are
 * dropped from the area (each device keeps its own tombstone, which still wins against an old
 * copy coming back). The result is the one `remove` and one `set` that bring the area there.
 *
 * Two devices holding the same notes must choose the same ones, or each would remove what the
 * other wrote, forever: so the order is total (ties broken by device, then id), and every note is
 * considered, down to a small old one that fits the last bytes.
 */

/** Space the engine may use, and how long tombstones stay in the area. */
export type PlanLimits = { bytes: number; items: number; perItem: number; tombstoneTtlMs: number };

/** The writes to make and where each local note will stand once they succeed. */
export type Plan = {
  set: Record<string, unknown>;
  remove: string[];
  states: Map<string, NoteSyncState>;
  /** Notes in `set` (pending until it succeeds). */
  writing: string[];
};

type Candidate = { entry: SyncEntry; items: Record<string, unknown> | undefined; tomb: boolean };

/** Newest edit first, live notes before tombstones; a total order, the same on every device. */
function priority(a: Candidate, b: Candidate): number {
  const x = a.entry.versions[0]!;
  const y = b.entry.versions[0]!;
  if (a.tomb !== b.tomb) return Number(a.tomb) - Number(b.tomb);
  if (x.m !== y.m) return y.m - x.m;
  if (x.d !== y.d) return x.d < y.d ? 1 : -1;
  return a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0;
}

const isNewer = (a: { m: number; d: string }, b: { m: number; d: string }) => a.m > b.m || (a.m === b.m && a.d > b.d);

/** Plans the writes for `local` (every local note as an entry) against the area `snapshot`. */
export function planWrites(
  local: SyncEntry[],
  snapshot: AreaSnapshot,
  raw: Record<string, unknown>,
  limits: PlanLimits,
  now: number,
): Plan {
  const states = new Map<string, NoteSyncState>();
  const localIds = new Set(local.map((e) => e.id));
  const release = new Set<string>(snapshot.orphanChunks); // keys sync may overwrite or remove
  const candidates: Candidate[] = [];
  for (const entry of local) {
    const remote = snapshot.notes.get(entry.id);
    const top = entry.versions[0]!;
    const tomb = entry.versions.every((v) => v.x);
    // A newer version still arriving in pieces from another device: wait for it, touch nothing.
    if (remote?.kind === 'incomplete' && isNewer(remote, top)) {
      states.set(entry.id, 'pending');
      continue;
    }
    if (remote) remote.keys.forEach((k) => release.add(k));
    const same = remote?.kind === 'complete' && entryString(remote.entry) === entryString(entry);
    // Old tombstones leave the area, unless an older copy of the note is there to be overruled.
    if (tomb && now - top.m > limits.tombstoneTtlMs && (same || !remote || remote.kind !== 'complete')) {
      states.set(entry.id, 'synced');
      continue;
    }
    candidates.push({ entry, items: same ? pick(raw, remote.keys) : undefined, tomb });
  }
  // Remote notes this device does not hold stay, except tombstones past their time.
  for (const [id, remote] of snapshot.notes) {
    if (localIds.has(id) || remote.kind !== 'complete') continue;
    const top = remote.entry.versions[0]!;
    if (remote.entry.versions.every((v) => v.x) && now - top.m > limits.tombstoneTtlMs) {
      remote.keys.forEach((k) => release.add(k));
    }
  }
  let bytes = 0;
  let items = 0;
  for (const [k, v] of Object.entries(raw)) {
    if (release.has(k)) continue;
    bytes += itemBytes(k, v);
    items++;
  }
  candidates.sort(priority);
  const set: Record<string, unknown> = {};
  const keep = new Set<string>();
  const writing: string[] = [];
  for (const c of candidates) {
    // Encoded only when it might fit, so notes past the budget cost next to nothing.
    if (items >= limits.items || bytes + minEncodedBytes(c.entry) > limits.bytes) {
      states.set(c.entry.id, 'over-quota');
      continue;
    }
    const encoded = c.items ?? encodeEntry(c.entry, limits.perItem);
    const n = Object.keys(encoded).length;
    const size = Object.entries(encoded).reduce((sum, [k, v]) => sum + itemBytes(k, v), 0);
    if (bytes + size > limits.bytes || items + n > limits.items) {
      states.set(c.entry.id, 'over-quota');
      continue;
    }
    bytes += size;
    items += n;
    for (const [k, v] of Object.entries(encoded)) {
      keep.add(k);
      if (!(k in raw) || JSON.stringify(raw[k]) !== JSON.stringify(v)) set[k] = v;
    }
    const changed = Object.keys(encoded).some((k) => k in set);
    states.set(c.entry.id, changed ? 'pending' : 'synced');
    if (changed) writing.push(c.entry.id);
  }
  const remove = [...release].filter((k) => !keep.has(k) && k in raw);
  return { set, remove, states, writing };
}

function pick(raw: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, raw[k]]));
}
