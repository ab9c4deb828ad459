import type { NotesDb } from '../notes/db';
import { joinNotice, type NotesNotice } from '../notes/notes-broadcast';
import { areaMetaStore, dexieNoteStore, type LocalArea } from './adapters';
import type { SyncArea } from './area';
import { startOrUndo } from './collection';
import { SyncEngine } from './engine';
import type { Histories } from './histories';
import type { RateLimiter } from './rate-limiter';
import type { Serial } from './serial';

/**
 * Wiring for the background: builds the engine over the notes database, `storage.sync` and
 * `storage.local`, hears the change notice (which names the notes every write changed, so a
 * pass reads only those) and starts it. Returns the engine (status, subscribe, setEnabled) and a
 * function that stops it all.
 */
export async function startNoteSync(options: {
  db: NotesDb;
  sync: SyncArea;
  local: LocalArea;
  enabled: boolean;
  /** The notes' change notice: heard for local writes; the engine's merges are told to it. */
  notice: NotesNotice;
  /** Wait after a change before writing (default: the engine's, 2 s). */
  debounceMs?: number;
  /** Shared with WebDAV sync (see `Serial`); by default the engine's own. */
  histories?: Histories;
  serial?: Serial;
  /** The write-rate limiter, shared with the claims' engine (by default the engine's own). */
  limiter?: RateLimiter;
}): Promise<{ engine: SyncEngine; stop: () => void }> {
  const engine = new SyncEngine({
    area: options.sync,
    store: dexieNoteStore(options.db),
    meta: areaMetaStore(options.local),
    enabled: options.enabled,
    ...(options.histories ? { histories: options.histories } : {}),
    ...(options.serial ? { serial: options.serial } : {}),
    ...(options.limiter ? { limiter: options.limiter } : {}),
    ...(options.debounceMs !== undefined ? { debounceMs: options.debounceMs } : {}),
  });
  // Heard before the start-up pass, so that a write made while it reads is not missed.
  const joined = joinNotice(options.notice, (change) => engine.notifyLocalChange(change.ids));
  const offs = [joined.leave, engine.onRemoteChange(joined.tell)];
  const stop = () => {
    offs.forEach((off) => off());
    engine.stop();
  };
  return startOrUndo(engine, stop);
}
