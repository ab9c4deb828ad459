import type { Note } from '../notes/schema';
import type { NoteMeta } from './schema';

/**
 * What sync needs from the place notes live on this device (the Dexie table in the extension,
 * a Map in tests), and where it keeps its own per-note bookkeeping. Sync never deletes a local
 * note: it only writes merged versions back.
 */

/** This device's notes, tombstones included. */
export interface LocalNoteStore {
  all(): Promise<Note[]>;
  get(ids: string[]): Promise<(Note | undefined)[]>;
  /** Stores notes as given. */
  putMany(notes: Note[]): Promise<void>;
  /**
   * Reads the notes `ids`, passes them to `change` and stores what it returns (undefined: leave
   * that note alone), atomically: an edit made by the reader meanwhile must not be overwritten
   * by a merge computed from the note as it was before (a lost update). Optional; without it
   * the engine re-reads just before `putMany`, which leaves a much smaller window.
   */
  update?(ids: string[], change: (current: (Note | undefined)[]) => (Note | undefined)[]): Promise<void>;
}

/**
 * Runs a read-merge-write on any store: atomically with `update`, otherwise by re-reading just
 * before `putMany` and skipping notes edited meanwhile (they are merged on the next pass).
 * Resolves with the ids skipped that way, once the write has committed.
 */
export async function updateNotes(
  store: LocalNoteStore,
  ids: string[],
  change: (current: (Note | undefined)[]) => (Note | undefined)[],
): Promise<Set<string>> {
  if (store.update) {
    await store.update(ids, change);
    return new Set();
  }
  const before = await store.get(ids);
  const next = change(before);
  const now = await store.get(ids);
  const stamp = (n: Note | undefined) => (n ? `${n.modified}|${n.deviceId}|${n.deleted}|${n.conflicts.length}` : '');
  const skipped = new Set(ids.filter((_, i) => stamp(before[i]) !== stamp(now[i])));
  const safe = next.filter((n, i): n is Note => n !== undefined && !skipped.has(ids[i]!));
  if (safe.length) await store.putMany(safe);
  return skipped;
}

/** Sync's bookkeeping per note (the histories of its versions); survives restarts. */
export interface MetaStore {
  all(): Promise<Map<string, NoteMeta>>;
  putMany(entries: [string, NoteMeta][]): Promise<void>;
}
