import type { Note } from '../notes/schema';
import { errorMessage } from '../error-message';
import { updateNotes, type LocalNoteStore } from './local-store';
import { entryToNote, mergeEntries, metaOf, normaliseEntry, noteToEntry, sameNote } from './merge';
import type { NoteMeta, SyncEntry } from './schema';

/**
 * Merges notes read from `storage.sync` into the local store, in one read-merge-write. The
 * histories of the merged notes are returned, not recorded: the caller records them only once the
 * write has committed. Recorded before, a write that failed left the bookkeeping saying "merged"
 * over the old local note, and the next write took that stale copy for a newer edit and
 * overwrote the other device's text everywhere.
 */

/** What a merge changed, for the caller to record and announce. */
export type RemoteMergeResult = {
  /** Notes whose histories changed: record these once the write has committed. */
  metas: Map<string, NoteMeta>;
  /** Pages (canonical URLs) whose notes changed here. */
  sources: Set<string>;
  /** Notes written here: what the change notice names (a history alone changing is no write; see `Histories.onRecord`). */
  ids: Set<string>;
  /** Notes that could not be merged (left as they were), in words. */
  errors: string[];
  /** Ids left as they were: edited here meanwhile, or failing to merge (a later pass merges them). */
  unmerged: Set<string>;
};

/** The history to record for a merged entry, or undefined when `known` already says so. */
function changedMeta(entry: SyncEntry, known: NoteMeta | undefined): NoteMeta | undefined {
  const meta = metaOf(entry);
  return JSON.stringify(meta) === JSON.stringify(known) ? undefined : meta;
}

/**
 * Merges `remotes` (id → decoded entry) into `store`, reading each local note's history from
 * `known`. Throws when the store's write fails; then nothing is to be recorded.
 */
export async function mergeRemoteNotes(
  store: LocalNoteStore,
  remotes: [string, SyncEntry][],
  known: ReadonlyMap<string, NoteMeta>,
): Promise<RemoteMergeResult> {
  const result: RemoteMergeResult = { metas: new Map(), sources: new Set(), ids: new Set(), errors: [], unmerged: new Set() };
  // Filled afresh on every call of the change callback: a store may retry its transaction.
  let metas = new Map<string, NoteMeta>();
  let sources = new Set<string>();
  let written = new Set<string>();
  const mergeOne = (id: string, remote: SyncEntry, local: Note | undefined): Note | undefined => {
    const merged = local ? mergeEntries(noteToEntry(local, known.get(id)), remote) : normaliseEntry(remote);
    const note = entryToNote(merged, local);
    if (!note) return undefined;
    const meta = changedMeta(merged, known.get(id));
    if (meta) metas.set(id, meta);
    if (local && sameNote(note, local)) return undefined;
    written.add(id);
    // Both pages, in case a re-attach moved the note: the old one must drop its highlight.
    if (local) sources.add(local.target.source);
    sources.add(note.target.source);
    return note;
  };
  const skipped = await updateNotes(store, remotes.map(([id]) => id), (locals) => {
    metas = new Map();
    sources = new Set();
    written = new Set();
    result.errors = [];
    result.unmerged = new Set();
    return remotes.map(([id, remote], i) => {
      try {
        return mergeOne(id, remote, locals[i]);
      } catch (err) {
        // One note that cannot be merged is left as it is here; the others go on.
        result.errors.push(`synced note ${id} could not be merged (${errorMessage(err)})`);
        result.unmerged.add(id);
        return undefined;
      }
    });
  });
  // A note edited here meanwhile was not written: its history is not what was merged.
  for (const id of skipped) {
    metas.delete(id);
    written.delete(id);
    result.unmerged.add(id);
  }
  return { ...result, metas, sources, ids: written };
}
