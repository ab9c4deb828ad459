import { itemBytes } from './bytes';
import { NOTE_FORMAT } from './codec';
import type { AreaSnapshot } from './area-reader';
import { encodeItems, recordString, type ItemFormat, type Stamp } from './item-format';
import type { NoteSyncState, SyncEntry } from './schema';

/**
 * Decides what `storage.sync` should hold of one collection (notes, tracked claims): the most
 * recently edited live entries first, then
 * tombstones, as many as fit the byte and item budget; tombstones older than the time-to-live are
 * dropped from the area (each device keeps its own tombstone, which still wins against an old
 * copy coming back). The result is the one `remove` and one `set` that bring the area there.
 *
 * Two devices holding the same notes must choose the same ones, or each would remove what the
 * other wrote, forever: so the order is total (ties broken by device, then id), and every note is
 * considered, down to a small old one that fits the last bytes.
 */

/**
 * Space the engine may use (the area's, whatever holds it), how long tombstones stay in the area,
 * and, optionally, the most bytes this collection's own items may take (its share).
 */
export type PlanLimits = { bytes: number; items: number; perItem: number; tombstoneTtlMs: number; share?: number };

/** The writes to make and where each local note will stand once they succeed. */
export type Plan = {
  set: Record<string, unknown>;
  remove: string[];
  states: Map<string, NoteSyncState>;
  /** Notes in `set` (pending until it succeeds). */
  writing: string[];
};

type Candidate<E> = { entry: E; id: string; top: Stamp; items: Record<string, unknown> | undefined; tomb: boolean };

/** Newest edit first, live entries before tombstones; a total order, the same on every device. */
function priority<E>(a: Candidate<E>, b: Candidate<E>): number {
  const x = a.top;
  const y = b.top;
  if (a.tomb !== b.tomb) return Number(a.tomb) - Number(b.tomb);
  if (x.m !== y.m) return y.m - x.m;
  if (x.d !== y.d) return x.d < y.d ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const isNewer = (a: Stamp, b: Stamp) => a.m > b.m || (a.m === b.m && a.d > b.d);

/** Plans the writes for `local` (every local note as an entry) against the area `snapshot`. */
export const planWrites = (local: SyncEntry[], snapshot: AreaSnapshot, raw: Record<string, unknown>, limits: PlanLimits, now: number): Plan =>
  planWritesOf(NOTE_FORMAT, local, snapshot, raw, limits, now);

/** Plans the writes for `local` (every local entry of `format`'s collection) against the area `snapshot`. */
export function planWritesOf<E>(
  format: ItemFormat<E>,
  local: E[],
  snapshot: AreaSnapshot<E>,
  raw: Record<string, unknown>,
  limits: PlanLimits,
  now: number,
): Plan {
  const states = new Map<string, NoteSyncState>();
  const localIds = new Set(local.map((e) => format.id(e)));
  const release = new Set<string>(snapshot.orphanChunks); // keys sync may overwrite or remove
  const candidates: Candidate<E>[] = [];
  for (const entry of local) {
    const id = format.id(entry);
    const remote = snapshot.entries.get(id);
    const top = format.top(entry);
    const tomb = format.tomb(entry);
    // A newer version still arriving in pieces from another device: wait for it, touch nothing.
    if (remote?.kind === 'incomplete' && isNewer(remote, top)) {
      states.set(id, 'pending');
      continue;
    }
    if (remote) remote.keys.forEach((k) => release.add(k));
    const same = remote?.kind === 'complete' && recordString(format, remote.entry) === recordString(format, entry);
    // Old tombstones leave the area, unless an older copy of the note is there to be overruled.
    if (tomb && now - top.m > limits.tombstoneTtlMs && (same || !remote || remote.kind !== 'complete')) {
      states.set(id, 'synced');
      continue;
    }
    candidates.push({ entry, id, top, items: same ? pick(raw, remote.keys) : undefined, tomb });
  }
  // Remote entries this device does not hold stay, except tombstones past their time.
  for (const [id, remote] of snapshot.entries) {
    if (localIds.has(id) || remote.kind !== 'complete') continue;
    if (format.tomb(remote.entry) && now - format.top(remote.entry).m > limits.tombstoneTtlMs) {
      remote.keys.forEach((k) => release.add(k));
    }
  }
  let bytes = 0;
  let items = 0;
  let own = 0; // bytes of this collection's items planned so far, against its share
  for (const [k, v] of Object.entries(raw)) {
    if (release.has(k)) continue;
    bytes += itemBytes(k, v);
    items++;
  }
  candidates.sort(priority);
  const share = limits.share ?? Infinity;
  const set: Record<string, unknown> = {};
  const keep = new Set<string>();
  const writing: string[] = [];
  for (const c of candidates) {
    // Encoded only when it might fit, so entries past the budget cost next to nothing.
    const least = format.minBytes(c.entry);
    if (items >= limits.items || bytes + least > limits.bytes || own + least > share) {
      states.set(c.id, 'over-quota');
      continue;
    }
    const encoded = c.items ?? encodeItems(format, c.entry, limits.perItem);
    const n = Object.keys(encoded).length;
    const size = Object.entries(encoded).reduce((sum, [k, v]) => sum + itemBytes(k, v), 0);
    if (bytes + size > limits.bytes || items + n > limits.items || own + size > share) {
      states.set(c.id, 'over-quota');
      continue;
    }
    bytes += size;
    items += n;
    own += size;
    for (const [k, v] of Object.entries(encoded)) {
      keep.add(k);
      if (!(k in raw) || JSON.stringify(raw[k]) !== JSON.stringify(v)) set[k] = v;
    }
    const changed = Object.keys(encoded).some((k) => k in set);
    states.set(c.id, changed ? 'pending' : 'synced');
    if (changed) writing.push(c.id);
  }
  const remove = [...release].filter((k) => !keep.has(k) && k in raw);
  return { set, remove, states, writing };
}

function pick(raw: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, raw[k]]));
}
