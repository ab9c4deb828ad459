import type { NotesChange } from '../notes/notes-broadcast';
import { AreaSync, type AreaSyncOptions, type SyncCollection } from './area-sync';
import { NOTE_FORMAT } from './codec';
import { Histories } from './histories';
import { LocalEntries } from './local-entries';
import type { LocalNoteStore, MetaStore } from './local-store';
import { mergeRemoteNotes } from './remote-merge';
import type { NoteSyncState, SyncEntry } from './schema';

/**
 * The notes' storage.sync engine: the engine (`AreaSync`) over the notes database, with the
 * version histories both transports share and the change notice for what its merges wrote. See
 * `area-sync.ts` for how it syncs.
 */

/** How to build the notes' engine; everything but the stores and the area has a default. */
export type SyncEngineOptions = Omit<AreaSyncOptions<SyncEntry>, 'collection'> & {
  store: LocalNoteStore;
  meta: MetaStore;
  /** The histories, when another transport (WebDAV) shares them; by default the engine's own. */
  histories?: Histories;
};

/** The notes' engine. Call `start()` once, `notifyLocalChange(ids)` per edit. */
export class SyncEngine extends AreaSync<SyncEntry> {
  private readonly mergedListeners: Set<(change: NotesChange) => void>;

  constructor({ store, meta, histories: shared, ...options }: SyncEngineOptions) {
    const histories = shared ?? new Histories(meta);
    const listeners = new Set<(change: NotesChange) => void>();
    super({ ...options, collection: noteCollection(store, histories, listeners) });
    this.mergedListeners = listeners;
  }

  /** Where each note stands (notes not listed are synced or were never seen by the planner). */
  noteStates(): ReadonlyMap<string, NoteSyncState> {
    return this.states();
  }

  /**
   * Calls `listener` with the notes, and their pages (canonical URLs), that a merge from
   * `storage.sync` has just changed in the local store: the change notice, so that open tabs of
   * those pages repaint and WebDAV sync hears of them. Returns the remover.
   */
  onRemoteChange(listener: (change: NotesChange) => void): () => void {
    this.mergedListeners.add(listener);
    return () => this.mergedListeners.delete(listener);
  }
}

/** The notes as the engine's collection: every note as an entry, merged with its histories. */
function noteCollection(store: LocalNoteStore, histories: Histories, listeners: ReadonlySet<(change: NotesChange) => void>): SyncCollection<SyncEntry> {
  const local = new LocalEntries(store, histories);
  return {
    format: NOTE_FORMAT,
    load: () => histories.load(),
    local,
    async merge(remotes) {
      const merged = await mergeRemoteNotes(store, remotes, histories.known);
      // The local write has committed: only now do the histories say the notes were merged.
      await histories.record(merged.metas);
      local.name(merged.ids);
      const change = { ids: [...merged.ids], sources: [...merged.sources] };
      if (change.ids.length) for (const l of listeners) l(change);
      return { changed: merged.sources.size > 0, errors: merged.errors };
    },
  };
}
