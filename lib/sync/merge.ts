import type { Note, NoteBody, NoteVersion } from '../notes/schema';
import type { NoteMeta, SyncEntry, SyncVersion } from './schema';
import { addDot, joinHistories, replaces, sortHistory, topCounter } from './version-vector';

/**
 * Merging notes from several devices. A note is a set of versions none of which replaces another
 * (a multi-value register): merging takes the union and drops only versions that a later edit was
 * made on top of, so it is commutative, associative and idempotent, and every device that has seen
 * the same versions holds the same note. The newest version by (modified, device) is the note's
 * body; the other live versions are its `conflicts` until the reader resolves them. A tombstone
 * newer than every edit deletes the note; an edit newer than the tombstone keeps it alive.
 */

const body = (b: NoteBody): NoteBody => ({ text: b.text, tags: [...b.tags], color: b.color });

/** A version with its fields in a fixed order, so equal versions stringify equally. */
function canonical(v: SyncVersion): SyncVersion {
  const out: SyncVersion = { m: v.m, d: v.d, x: v.x, vv: sortHistory(v.vv), n: v.n };
  if (v.k !== undefined) out.k = v.k;
  if (v.b) out.b = body(v.b);
  return out;
}

/** Newest first by (modified, device), then live before tombstone, then by content. */
export function compareVersions(a: SyncVersion, b: SyncVersion): number {
  if (a.m !== b.m) return b.m - a.m;
  if (a.d !== b.d) return a.d < b.d ? 1 : -1;
  if (a.x !== b.x) return a.x ? 1 : -1;
  const sa = JSON.stringify(a);
  const sb = JSON.stringify(b);
  return sa < sb ? 1 : sa > sb ? -1 : 0;
}

/** Union of versions without duplicates and without versions that another one replaces. */
export function normaliseVersions(versions: SyncVersion[]): SyncVersion[] {
  const unique = new Map<string, SyncVersion>();
  for (const v of versions.map(canonical)) unique.set(JSON.stringify(v), v);
  const all = [...unique.values()];
  // replaced[i]: the versions that replace version i.
  const replaced = all.map((v) => all.flatMap((w, j) => (replaces(w, v) ? [j] : [])));
  // A version goes only when something replaces it that it does not itself (through others)
  // replace. Real histories never circle, so this is "nothing replaces it"; histories that do
  // circle are no device's, and their versions are kept rather than all lost.
  const kept = all.filter((_, i) => replaced[i]!.every((j) => replacesThrough(replaced, i, j)));
  return kept.sort(compareVersions);
}

/** Whether version `from` replaces version `to` through a chain of replacements. */
function replacesThrough(replaced: number[][], from: number, to: number): boolean {
  const seen = new Set<number>();
  const stack = [to];
  // Walk up from `to` along "is replaced by" until `from` is met.
  while (stack.length) {
    const at = stack.pop()!;
    for (const by of replaced[at]!) {
      if (by === from) return true;
      if (seen.has(by)) continue;
      seen.add(by);
      stack.push(by);
    }
  }
  return false;
}

/** Puts an entry in its canonical form: normalised versions, target only while a version lives. */
export function normaliseEntry(entry: SyncEntry): SyncEntry {
  const versions = normaliseVersions(entry.versions);
  const out: SyncEntry = { id: entry.id, created: entry.created, versions };
  if (entry.target && versions.some((v) => !v.x)) out.target = entry.target;
  if (entry.claimId !== undefined) out.claimId = entry.claimId;
  return out;
}

/** Merges two views of the same note. Commutative, associative and idempotent. */
export function mergeEntries(a: SyncEntry, b: SyncEntry): SyncEntry {
  // Shared fields come from the side holding the newest version (ties broken by content), so
  // the choice does not depend on which side is local.
  const [first, second] = compareVersions(newest(a), newest(b)) <= 0 ? [a, b] : [b, a];
  const tie = compareVersions(newest(a), newest(b)) === 0;
  const byTarget =
    tie && JSON.stringify(b.target ?? null) > JSON.stringify(a.target ?? null) ? [b, a] : [first, second];
  const [main, other] = byTarget as [SyncEntry, SyncEntry];
  return normaliseEntry({
    id: a.id,
    created: Math.min(a.created, b.created),
    target: main.target ?? other.target,
    claimId: main.claimId ?? other.claimId,
    versions: [...a.versions, ...b.versions],
  });
}

const newest = (e: SyncEntry): SyncVersion => normaliseVersions(e.versions)[0]!;

const sameStamp = (v: { m: number; d: string }, c: NoteVersion) =>
  v.m === c.modified && v.d === c.deviceId;

/** A conflict the engine has no record of: its own dot, concurrent with everything. */
function unknownVersion(c: NoteVersion): SyncVersion {
  const k = `${c.deviceId}@${c.modified}`;
  return { m: c.modified, d: c.deviceId, x: false, vv: { [k]: 1 }, n: 1, k, b: conflictBody(c) };
}

const conflictBody = (c: NoteVersion): NoteBody => ({ text: c.text, tags: c.tags, color: c.color });

/**
 * Sync's view of a local note. When the note's stamp is one the engine recorded, nothing was
 * edited here and the recorded histories are reused (a conflict the reader dismissed is folded
 * into the body's history); otherwise the note was edited here, and the edit replaces every
 * version the reader had in front of them except the conflicts still listed.
 */
export function noteToEntry(note: Note, meta: NoteMeta | undefined): SyncEntry {
  const recorded = meta?.versions ?? [];
  const main = recorded.find((v) => v.m === note.modified && v.d === note.deviceId && v.x === note.deleted);
  const kept: SyncVersion[] = [];
  const absorbed: SyncVersion['vv'][] = [];
  const localEdit = !main;
  for (const v of recorded) {
    if (v === main) continue;
    const c = note.conflicts.find((k) => sameStamp(v, k));
    // A losing tombstone stays until an edit replaces it; a live version stays while listed,
    // except under a delete made here, which replaces everything the reader saw.
    if (!localEdit && v.x) kept.push(v);
    else if (!v.x && c && !(note.deleted && localEdit)) kept.push({ ...v, b: conflictBody(c) });
    else absorbed.push(v.vv);
  }
  // Conflicts sync has no record of are kept as concurrent; on a tombstone they are only the
  // text this device keeps, not part of what syncs.
  for (const c of note.conflicts) {
    if (!note.deleted && !recorded.some((v) => sameStamp(v, c))) {
      kept.push(unknownVersion(c));
    }
  }
  // A new edit takes a counter above every one its device used on this note, and its history is
  // what it replaced, so the conflicts still listed stay concurrent with it.
  const n = main ? main.n : topCounter(note.deviceId, recorded.map((v) => v.vv)) + 1;
  const vv = main ? joinHistories(main.vv, ...absorbed) : addDot(joinHistories(...absorbed), note.deviceId, n);
  const top: SyncVersion = { m: note.modified, d: note.deviceId, x: note.deleted, vv, n };
  if (main?.k !== undefined) top.k = main.k;
  if (!note.deleted) top.b = note.body;
  return normaliseEntry({
    id: note.id,
    created: note.created,
    target: note.target,
    claimId: note.claimId,
    versions: [top, ...kept],
  });
}

/** What the engine records about a note after it has been merged or written. */
export function metaOf(entry: SyncEntry): NoteMeta {
  return { versions: entry.versions.map(({ b: _b, ...stamp }) => stamp) };
}

/**
 * The local note for a merged entry. A deleted note keeps the text this device had (body and
 * conflicts) so a delete never silently discards text; a device that never had the note does not
 * materialise a tombstone for it (returns undefined).
 */
export function entryToNote(entry: SyncEntry, local: Note | undefined): Note | undefined {
  const [winner, ...rest] = entry.versions;
  if (!winner) return undefined;
  const conflicts: NoteVersion[] = rest
    .filter((v) => !v.x && v.b)
    .map((v) => ({ ...body(v.b!), modified: v.m, deviceId: v.d }));
  const target = entry.target ?? local?.target;
  if (!target) return undefined;
  const base = {
    id: local?.id ?? entry.id,
    target,
    created: entry.created,
    modified: winner.m,
    deviceId: winner.d,
    ...(entry.claimId !== undefined ? { claimId: entry.claimId } : {}),
  };
  if (!winner.x) return { ...base, body: body(winner.b!), deleted: false, conflicts };
  if (!local) return undefined;
  // Keep every text this device had: its body stays the tombstone's body, its conflicts stay too.
  const extra = local.conflicts.filter((c) => !conflicts.some((k) => sameStamp({ m: k.modified, d: k.deviceId }, c)));
  return { ...base, body: body(local.body), deleted: true, conflicts: [...conflicts, ...extra] };
}

/** JSON with object keys sorted at every level, so equal values give equal strings. */
function sortedJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * Whether two notes hold the same data, whatever order their keys are in: a note read back from
 * the database has another key order than a merged one, and must not count as changed (that
 * would rewrite, and repaint, every synced note on every merge).
 */
export const sameNote = (a: Note, b: Note): boolean => sortedJson(a) === sortedJson(b);
