import { liveQuery } from 'dexie';
import type { NotesDb } from '../notes/db';
import { areaMetaStore, dexieNoteStore, type LocalArea } from './adapters';
import type { SyncArea } from './area';
import { SyncEngine } from './engine';
import type { Histories } from './histories';
import type { Serial } from './serial';

/**
 * Wiring for the background: builds the engine over the notes database, `storage.sync` and
 * `storage.local`, starts it, and writes after any change to the notes table in any extension
 * context (Dexie's live queries see other pages' writes too). Returns the engine (status,
 * subscribe, setEnabled) and a function that stops it all.
 */
export async function startNoteSync(options: {
  db: NotesDb;
  sync: SyncArea;
  local: LocalArea;
  enabled: boolean;
  /** Wait after a change before writing (default: the engine's, 2 s). */
  debounceMs?: number;
  /** Shared with WebDAV sync (see `Serial`); by default the engine's own. */
  histories?: Histories;
  serial?: Serial;
}): Promise<{ engine: SyncEngine; stop: () => void }> {
  const engine = new SyncEngine({
    area: options.sync,
    store: dexieNoteStore(options.db),
    meta: areaMetaStore(options.local),
    enabled: options.enabled,
    ...(options.histories ? { histories: options.histories } : {}),
    ...(options.serial ? { serial: options.serial } : {}),
    ...(options.debounceMs !== undefined ? { debounceMs: options.debounceMs } : {}),
  });
  await engine.start();
  const unwatch = watchLocalNotes(options.db, () => engine.notifyLocalChange());
  return {
    engine,
    stop: () => {
      unwatch();
      engine.stop();
    },
  };
}

/**
 * Calls `onChange` after any create, edit or delete of a note in any extension context (Dexie's
 * live queries see other pages' writes too), and once at first. Returns the remover.
 */
export function watchLocalNotes(db: NotesDb, onChange: () => void): () => void {
  // The newest edit time and the count change with every create, edit and delete anywhere.
  const watch = liveQuery(async () => [await db.notes.count(), (await db.notes.orderBy('modified').last())?.modified]);
  // The first result may already include edits made since start(), so it counts too.
  const sub = watch.subscribe({ next: onChange, error: onChange });
  return () => sub.unsubscribe();
}
