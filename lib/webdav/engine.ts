import type { NotesChange } from '../notes/notes-broadcast';
import type { Histories } from '../sync/histories';
import type { LocalNoteStore } from '../sync/local-store';
import { Serial } from '../sync/serial';
import type { DavClient } from './client';
import { openLibrary, type SavedLibrary } from './library';
import { describeDavError, DavError } from './problems';
import { pull } from './pull';
import { announce, dirtyEntries, writeNotes } from './push';
import { Session } from './session';
import type { DavStateStore } from './state';
import type { WebDavStatus } from './schema';

/**
 * WebDAV sync: on start, after local changes (debounced) and when asked, one sync at a time:
 * open the library (the folder must still hold this device's library, and its key must open it;
 * otherwise nothing is written), read what changed and merge it, write what differs, announce it.
 * Any failure stops the sync where it is, is reported in the reader's words and retried later;
 * what was done stays done (every write is a whole object, every merge a committed transaction).
 */

export type WebDavEngineOptions = {
  client: DavClient;
  library: SavedLibrary;
  store: LocalNoteStore;
  histories: Histories;
  state: DavStateStore;
  /** Shared with the storage.sync engine (see `Serial`). */
  serial?: Serial;
  now?: () => number;
  debounceMs?: number;
  concurrency?: number;
  backoff?: (attempt: number) => Promise<void>;
  /** Where the server is, for the status line (its origin; never the credentials). */
  server: string;
};

/** Wait after a failed sync before the next try. */
const RETRY_MS = 60_000;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
/** 0.3, 0.6, 1.2, 2.4 s, with jitter so two devices do not retry in step. */
const defaultBackoff = (attempt: number) => sleep(300 * 2 ** attempt * (0.75 + Math.random() / 2));

/** The engine; `start()` once, `notifyLocalChange()` per edit, `sync()` to sync now. */
export class WebDavEngine {
  private session: Session | undefined;
  private queue: Promise<void> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private current: WebDavStatus;
  private readonly listeners = new Set<(s: WebDavStatus) => void>();
  private readonly mergedListeners = new Set<(change: NotesChange) => void>();
  private readonly serial: Serial;
  private readonly now: () => number;

  constructor(private readonly o: WebDavEngineOptions) {
    this.serial = o.serial ?? new Serial();
    this.now = o.now ?? (() => Date.now());
    this.current = { configured: true, enabled: true, server: o.server, encrypted: o.library.key !== null, lastSyncedAt: null, pending: 0, syncing: false, error: null };
  }

  /** Reads the saved histories and syncs once. */
  async start(): Promise<void> {
    await this.o.histories.load();
    await this.sync();
  }

  /** Cancels a scheduled sync. */
  stop(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Notes changed here: sync after the debounce. */
  notifyLocalChange(): void {
    this.stop();
    this.schedule(this.o.debounceMs ?? 2_000);
  }

  /** Syncs now (after any sync under way); never rejects: failures go to the status. */
  sync(): Promise<void> {
    this.queue = this.queue.then(() => this.once());
    return this.queue;
  }

  status(): WebDavStatus {
    return { ...this.current };
  }

  /** Calls `listener` on every status change; returns the remover. */
  subscribe(listener: (s: WebDavStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Calls `listener` with the notes, and their pages, that a merge from the server changed here. */
  onRemoteChange(listener: (change: NotesChange) => void): () => void {
    this.mergedListeners.add(listener);
    return () => this.mergedListeners.delete(listener);
  }

  private update(patch: Partial<WebDavStatus>): void {
    this.current = { ...this.current, ...patch };
    for (const l of this.listeners) l(this.status());
  }

  private async open(): Promise<Session> {
    const codec = await openLibrary(this.o.client, this.o.library);
    if (this.session) return this.session;
    const id = this.o.library.id;
    const [progress, views] = await Promise.all([this.o.state.progress(id), this.o.state.views(id)]);
    const deps = {
      client: this.o.client, codec, store: this.o.store, histories: this.o.histories, serial: this.serial, state: this.o.state,
      now: this.now, concurrency: this.o.concurrency ?? 4, backoff: this.o.backoff ?? defaultBackoff,
    };
    return (this.session = new Session(deps, id, progress, views));
  }

  private async once(): Promise<void> {
    this.update({ syncing: true });
    let s: Session | undefined;
    try {
      s = await this.open();
      s.unreadable.length = 0;
      await pull(s);
      const dirty = await dirtyEntries(s);
      this.update({ pending: dirty.length });
      const { waiting } = await writeNotes(s, dirty);
      const announced = await announce(s);
      const problems = s.unreadable.length ? `${s.unreadable[0]}${s.unreadable.length > 1 ? ` (and ${s.unreadable.length - 1} more)` : ''}` : null;
      const busy = waiting > 0 || !announced ? 'Other devices kept writing the same notes; this device will try again shortly.' : null;
      this.update({ pending: waiting, error: busy ?? problems, ...(waiting === 0 ? { lastSyncedAt: this.now() } : {}) });
      if (busy) this.retryLater();
    } catch (err) {
      // A broken session may hold stale ETags: read everything afresh next time.
      if (!(err instanceof DavError)) this.session = undefined;
      const pending = s ? (await dirtyEntries(s).catch(() => [])).length : this.current.pending;
      this.update({ pending, error: `${describeDavError(err)} Your notes are safe on this device.` });
      this.retryLater();
    } finally {
      if (s?.ids.size) {
        const change = { ids: [...s.ids], sources: [...s.sources] };
        s.ids.clear();
        s.sources.clear();
        for (const l of this.mergedListeners) l(change);
      }
      this.update({ syncing: false });
    }
  }

  private retryLater(): void {
    if (this.timer === undefined) this.schedule(RETRY_MS);
  }

  private schedule(ms: number): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.sync();
    }, ms);
  }
}
