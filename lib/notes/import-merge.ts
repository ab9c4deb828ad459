import type { Note, NoteVersion } from './schema';

/**
 * Merging an imported copy of a note into the stored one, as sync merges versions. A file carries
 * no histories, so what it holds is read as sync reads a version it has no record of:
 * - a copy no newer than the stored note (by modified time, then device) changes nothing: the
 *   note here was edited since, and re-importing a file must not undo that;
 * - a newer copy becomes the note, and every unresolved version stays listed beside it: the
 *   stored note's conflicts, the file's, and the stored text itself unless the same device made
 *   the newer edit (a device edits on top of its own last version). A conflict is never dropped
 *   by an import: only the reader resolves one.
 */

type Stamp = { modified: number; deviceId: string };

/** Newer first, by modified time, then device (the order sync uses). */
const newer = (a: Stamp, b: Stamp) => (a.modified !== b.modified ? b.modified - a.modified : a.deviceId < b.deviceId ? 1 : a.deviceId > b.deviceId ? -1 : 0);
const sameStamp = (a: Stamp, b: Stamp) => a.modified === b.modified && a.deviceId === b.deviceId;

/** The note's own text as a version, to keep beside a newer one. */
const asVersion = (n: Note): NoteVersion => ({ ...n.body, modified: n.modified, deviceId: n.deviceId });

/** The stored note after importing `incoming`, or undefined when the import changes nothing. */
export function mergeImported(stored: Note | undefined, incoming: Note): Note | undefined {
  if (!stored) return incoming;
  if (newer(incoming, stored) >= 0) return undefined;
  const kept = [...stored.conflicts, ...incoming.conflicts];
  if (!stored.deleted && stored.deviceId !== incoming.deviceId) kept.push(asVersion(stored));
  const conflicts: NoteVersion[] = [];
  for (const v of kept.sort(newer)) {
    if (!sameStamp(v, incoming) && !conflicts.some((c) => sameStamp(c, v))) conflicts.push(v);
  }
  return { ...incoming, created: Math.min(stored.created, incoming.created), conflicts };
}
