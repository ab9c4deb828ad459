import { readArea } from './area-reader';
import { classifyFailure, SYNC_LIMITS, type StorageChange, type SyncArea, type SyncLimits } from './area';
import { updateNotes, type LocalNoteStore, type MetaStore } from './local-store';
import { entryToNote, mergeEntries, metaOf, normaliseEntry, noteToEntry, sameNote } from './merge';
import { planWrites } from './planner';
import { RateLimiter } from './rate-limiter';
import type { NoteMeta, NoteSyncState, SyncEntry, SyncStatus } from './schema';
import { describeFailure, SyncStatusModel } from './status';
import type { Note } from '../notes/schema';
import { errorMessage } from '../error-message';

/**
 * Mirrors this device's notes into `storage.sync` and merges other devices' notes back, on
 * start-up and on every `onChanged`. The local store stays the source of truth: sync only ever
 * writes merged notes back to it, never removes one, and when the area is full or refuses a write
 * the notes simply stay pending or over-quota here (see `status`). Writes are debounced and kept
 * under the browser's rate limits; all work runs one task at a time.
 */

/** How to build an engine; everything but the stores and the area has a default. */
export type SyncEngineOptions = {
  area: SyncArea;
  store: LocalNoteStore;
  meta: MetaStore;
  now?: () => number;
  /** Wait this long after a local change before writing, so a burst of edits is one write. */
  debounceMs?: number;
  /** The browser's limits (defaults: Chrome's); the engine stays under them with a margin. */
  limits?: Partial<SyncLimits>;
  /** Tombstones leave the area this long after the delete (default 30 days). */
  tombstoneTtlMs?: number;
  /** Room left for the extension's other items in `storage.sync` (settings). */
  reserve?: { bytes: number; items: number };
  enabled?: boolean;
};

/** Wait after the browser refused a write for its rate, before trying again. */
const RATE_BACKOFF_MS = 60_000;
/** Wait after a full area refused a write (another device may have filled it meanwhile). */
const QUOTA_BACKOFF_MS = 30_000;

/** The sync engine; see the module comment. Call `start()` once, `notifyLocalChange()` per edit. */
export class SyncEngine {
  private readonly o: Required<Omit<SyncEngineOptions, 'limits' | 'reserve'>> & { limits: SyncLimits; reserve: { bytes: number; items: number } };
  private readonly limiter: RateLimiter;
  private readonly model: SyncStatusModel;
  private raw: Record<string, unknown> = {};
  private meta = new Map<string, NoteMeta>();
  private queue: Promise<unknown> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private listening = false;
  private readonly mergedListeners = new Set<(sources: string[]) => void>();
  private readonly onChanged = (changes: Record<string, StorageChange>) => void this.remoteChanged(changes);

  constructor(options: SyncEngineOptions) {
    const limits = { ...SYNC_LIMITS, ...options.limits };
    this.o = {
      now: () => Date.now(),
      debounceMs: 2_000,
      tombstoneTtlMs: 30 * 24 * 3_600_000,
      enabled: true,
      reserve: { bytes: 2_048, items: 8 },
      ...options,
      limits,
    };
    // A sixth below the browser's ceilings: room for settings writes and for clock skew.
    this.limiter = new RateLimiter(Math.floor(limits.MAX_WRITE_OPERATIONS_PER_MINUTE * 0.83), Math.floor(limits.MAX_WRITE_OPERATIONS_PER_HOUR * 0.83));
    this.model = new SyncStatusModel(this.o.enabled);
  }

  /** Loads bookkeeping, listens to the area and runs a first full merge and write. */
  async start(): Promise<void> {
    this.meta = await this.o.meta.all();
    if (this.o.enabled) await this.resume();
  }

  /** Stops listening and cancels any scheduled write. */
  stop(): void {
    if (this.listening) this.o.area.onChanged.removeListener(this.onChanged);
    this.listening = false;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** The reader's switch: off stops all reading and writing of `storage.sync`; on catches up. */
  async setEnabled(enabled: boolean): Promise<void> {
    this.o.enabled = enabled;
    this.model.update({ enabled });
    if (enabled) await this.resume();
    else this.stop();
  }

  /** Tells the engine notes changed here; it writes after `debounceMs`. */
  notifyLocalChange(): void {
    if (this.o.enabled) this.schedule(this.o.debounceMs);
  }

  /** Merges what the area holds, then writes what is waiting (if the rate limit allows) now. */
  flush(): Promise<void> {
    return this.run(async () => {
      if (!this.o.enabled) return;
      await this.mergeFrom(undefined);
      await this.write();
    });
  }

  /** Reads the whole area and merges it into the local store, without writing. */
  pull(): Promise<void> {
    return this.run(async () => {
      if (!this.o.enabled) return;
      this.raw = await this.o.area.get(null);
      await this.mergeFrom(undefined);
    });
  }

  /** Resolves once all queued work is done (for tests and shutdown). */
  async idle(): Promise<void> {
    let last;
    do {
      last = this.queue;
      await last;
    } while (last !== this.queue);
  }

  /** The status line's model. */
  status(): SyncStatus {
    return this.model.status();
  }

  /** Where each note stands (notes not listed are synced or were never seen by the planner). */
  noteStates(): ReadonlyMap<string, NoteSyncState> {
    return this.model.states();
  }

  /** Calls `listener` on every status change; returns the function that stops it. */
  subscribe(listener: (status: SyncStatus) => void): () => void {
    return this.model.subscribe(listener);
  }

  /**
   * Calls `listener` with the pages (canonical URLs) whose notes a merge from `storage.sync` has
   * just changed in the local store, so open tabs of those pages can repaint. Returns the remover.
   */
  onRemoteChange(listener: (sources: string[]) => void): () => void {
    this.mergedListeners.add(listener);
    return () => this.mergedListeners.delete(listener);
  }

  private async resume(): Promise<void> {
    if (!this.listening) this.o.area.onChanged.addListener(this.onChanged);
    this.listening = true;
    await this.run(async () => {
      this.raw = await this.o.area.get(null);
    });
    await this.flush();
  }

  private run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private schedule(ms: number): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, ms);
  }

  private remoteChanged(changes: Record<string, StorageChange>): void {
    if (!this.o.enabled) return;
    void this.run(async () => {
      // Our own writes come back as changes too; they hold nothing new.
      const news = Object.entries(changes).filter(([key, c]) => JSON.stringify(c.newValue) !== JSON.stringify(this.raw[key]));
      if (news.length === 0) return;
      for (const [key, change] of news) {
        if (change.newValue === undefined) delete this.raw[key];
        else this.raw[key] = change.newValue;
      }
      const changedLocal = await this.mergeFrom(new Set(Object.keys(changes)));
      // Write back only what differs; `write` finds that out and is a no-op otherwise.
      if (changedLocal || this.model.status().pending > 0) this.schedule(this.o.debounceMs);
      else await this.write();
    });
  }

  /** Merges complete remote notes (those with a key in `keys`, or all) into the local store. */
  private async mergeFrom(keys: Set<string> | undefined): Promise<boolean> {
    const snapshot = readArea(this.raw);
    const remotes = [...snapshot.notes].filter(([, r]) => r.kind === 'complete' && (!keys || r.keys.some((k) => keys.has(k))));
    const errors = [...snapshot.notes.values()].flatMap((r) => (r.kind === 'unreadable' ? [r.error] : []));
    const report = () => this.model.setReadError(errors.length ? `${errors[0]}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}` : null);
    report();
    if (remotes.length === 0) return false;
    const metas: [string, NoteMeta][] = [];
    const sources = new Set<string>();
    const mergeOne = (id: string, remote: SyncEntry, local: Note | undefined): Note | undefined => {
      const merged = local ? mergeEntries(noteToEntry(local, this.meta.get(id)), remote) : normaliseEntry(remote);
      const note = entryToNote(merged, local);
      if (!note) return undefined;
      this.remember(id, merged, metas);
      if (local && sameNote(note, local)) return undefined;
      // Both pages, in case a re-attach moved the note: the old one must drop its highlight.
      if (local) sources.add(local.target.source);
      sources.add(note.target.source);
      return note;
    };
    await updateNotes(this.o.store, remotes.map(([id]) => id), (locals) =>
      remotes.map(([id, remote], i) => {
        if (remote.kind !== 'complete') return undefined;
        try {
          return mergeOne(id, remote.entry, locals[i]);
        } catch (err) {
          // One note that cannot be merged is left as it is here; the others go on.
          errors.push(`synced note ${id} could not be merged (${errorMessage(err)})`);
          return undefined;
        }
      }),
    );
    report();
    if (metas.length) await this.o.meta.putMany(metas);
    if (sources.size) for (const l of this.mergedListeners) l([...sources]);
    return sources.size > 0;
  }

  private remember(id: string, entry: SyncEntry, into: [string, NoteMeta][]): void {
    const meta = metaOf(entry);
    if (JSON.stringify(meta) === JSON.stringify(this.meta.get(id))) return;
    this.meta.set(id, meta);
    into.push([id, meta]);
  }

  /** Plans and makes the writes; on refusal leaves notes marked and retries later. */
  private async write(): Promise<void> {
    const notes = await this.o.store.all();
    const deleted = new Set(notes.filter((n) => n.deleted).map((n) => n.id));
    const metas: [string, NoteMeta][] = [];
    const entries = notes.map((n) => {
      const entry = noteToEntry(n, this.meta.get(n.id));
      this.remember(n.id, entry, metas); // a local edit's history must be stable from now on
      return entry;
    });
    if (metas.length) await this.o.meta.putMany(metas);
    const { limits, reserve } = this.o;
    const now = this.o.now();
    const plan = planWrites(entries, readArea(this.raw), this.raw, {
      bytes: limits.QUOTA_BYTES - reserve.bytes,
      items: limits.MAX_ITEMS - reserve.items,
      perItem: limits.QUOTA_BYTES_PER_ITEM,
      tombstoneTtlMs: this.o.tombstoneTtlMs,
    }, now);
    const ops = (plan.remove.length ? 1 : 0) + (Object.keys(plan.set).length ? 1 : 0);
    const wait = this.limiter.delayFor(ops, now);
    if (wait > 0) {
      this.model.setStates(plan.states, null, undefined, deleted);
      this.schedule(wait);
      return;
    }
    try {
      // Remove first, so what is freed is there for the new items.
      if (plan.remove.length) {
        this.limiter.record(1, now);
        await this.o.area.remove(plan.remove);
        plan.remove.forEach((k) => delete this.raw[k]);
      }
      if (Object.keys(plan.set).length) {
        this.limiter.record(1, now);
        await this.o.area.set(plan.set);
        Object.assign(this.raw, plan.set);
      }
    } catch (err) {
      const failure = classifyFailure(err);
      this.model.setStates(plan.states, describeFailure(failure, err, plan.writing.length), undefined, deleted);
      this.schedule(failure === 'rate' ? RATE_BACKOFF_MS : QUOTA_BACKOFF_MS);
      return;
    }
    for (const id of plan.writing) plan.states.set(id, 'synced');
    this.model.setStates(plan.states, null, now, deleted);
  }
}
