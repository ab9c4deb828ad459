import { readArea } from './area-reader';
import { classifyFailure, SYNC_LIMITS, type StorageChange, type SyncArea, type SyncLimits } from './area';
import type { LocalNoteStore, MetaStore } from './local-store';
import { Histories } from './histories';
import { planWrites } from './planner';
import { RateLimiter } from './rate-limiter';
import { mergeRemoteNotes } from './remote-merge';
import type { NotesChange } from '../notes/notes-broadcast';
import { LocalEntries } from './local-entries';
import type { NoteSyncState, SyncEntry, SyncStatus } from './schema';
import { Serial } from './serial';
import { describeFailure, describeTaskFailure, SyncStatusModel } from './status';

/**
 * Mirrors this device's notes into `storage.sync` and merges other devices' notes back, on
 * start-up and on every `onChanged`. The local store stays the source of truth: sync only ever
 * writes merged notes back to it, never removes one, and when the area is full or refuses a write
 * the notes simply stay pending or over-quota here (see `status`). Writes are debounced and kept
 * under the browser's rate limits; all work runs one task at a time. A task that fails (a store
 * or the area refusing) is reported in the status and tried again; it never leaves bookkeeping
 * that its failed write did not back up.
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
  /** The histories, when another transport (WebDAV) shares them; by default the engine's own. */
  histories?: Histories;
  /** Where tasks queue with another transport's merges (default: the engine's own). */
  serial?: Serial;
};

/** Wait after the browser refused a write for its rate, before trying again. */
const RATE_BACKOFF_MS = 60_000;
/** Wait after a full area refused a write (another device may have filled it meanwhile). */
const QUOTA_BACKOFF_MS = 30_000;
/** Wait after a task failed for another reason (the notes database or `storage.local` refused). */
const RETRY_MS = 30_000;

/** The sync engine; see the module comment. Call `start()` once, `notifyLocalChange(ids)` per edit. */
export class SyncEngine {
  private readonly o: Required<Omit<SyncEngineOptions, 'limits' | 'reserve' | 'histories'>> & { limits: SyncLimits; reserve: { bytes: number; items: number } };
  private readonly limiter: RateLimiter;
  private readonly model: SyncStatusModel;
  private raw: Record<string, unknown> = {};
  private readonly histories: Histories;
  /** Whether `raw` holds a full read of the area (until then nothing is written). */
  private loaded = false;
  private queue: Promise<unknown> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private listening = false;
  /** Every local note as an entry, kept between passes: a pass reads again only the notes named since. */
  private readonly local: LocalEntries;
  private readonly mergedListeners = new Set<(change: NotesChange) => void>();
  private readonly onChanged = (changes: Record<string, StorageChange>) => void this.remoteChanged(changes);

  constructor(options: SyncEngineOptions) {
    const limits = { ...SYNC_LIMITS, ...options.limits };
    this.o = {
      now: () => Date.now(),
      debounceMs: 2_000,
      tombstoneTtlMs: 30 * 24 * 3_600_000,
      enabled: true,
      reserve: { bytes: 2_048, items: 8 },
      serial: new Serial(),
      ...options,
      limits,
    };
    // A sixth below the browser's ceilings: room for settings writes and for clock skew.
    this.limiter = new RateLimiter(Math.floor(limits.MAX_WRITE_OPERATIONS_PER_MINUTE * 0.83), Math.floor(limits.MAX_WRITE_OPERATIONS_PER_HOUR * 0.83));
    this.model = new SyncStatusModel(this.o.enabled);
    this.histories = options.histories ?? new Histories(this.o.meta);
    this.local = new LocalEntries(this.o.store, this.histories);
  }

  /** Loads bookkeeping, listens to the area and runs a first full merge and write. */
  async start(): Promise<void> {
    await this.histories.load();
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

  /**
   * Tells the engine that these notes (ids from the change notice) changed here; it writes after
   * `debounceMs`, reading only them again. Without ids it cannot know which: it reads every note.
   */
  notifyLocalChange(ids?: readonly string[]): void {
    if (!this.o.enabled) return; // switching on reads every note anyway
    if (ids) this.local.name(ids);
    else this.local.forget();
    this.schedule(this.o.debounceMs);
  }

  /**
   * Merges what the area holds, reads every local note and writes what is waiting (if the rate
   * limit allows) now: for the retry alarm, and for writes no notice told of (tests' direct ones).
   */
  flush(): Promise<void> {
    this.local.forget();
    return this.pass();
  }

  /**
   * Merges, then writes what changed since the last pass. A pass that reads every note merges
   * every note the area holds; any other merges only the notes named since (a merge that skipped a
   * note edited here meanwhile is named by that edit's notice), as `remoteChanged` merged the rest.
   */
  private pass(): Promise<void> {
    return this.run(async () => {
      if (!this.o.enabled) return;
      await this.histories.load(); // read once; a notice may come before start() has read them
      if (!this.loaded) await this.load();
      await this.mergeFrom(this.local.readsAll ? undefined : (id) => this.local.isNamed(id));
      await this.write();
    });
  }

  /** Reads the whole area and merges it into the local store, without writing. */
  pull(): Promise<void> {
    return this.run(async () => {
      if (!this.o.enabled) return;
      await this.load();
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
   * Calls `listener` with the notes, and their pages (canonical URLs), that a merge from
   * `storage.sync` has just changed in the local store: the change notice, so that open tabs of
   * those pages repaint and WebDAV sync hears of them. Returns the remover.
   */
  onRemoteChange(listener: (change: NotesChange) => void): () => void {
    this.mergedListeners.add(listener);
    return () => this.mergedListeners.delete(listener);
  }

  private async resume(): Promise<void> {
    if (!this.listening) this.o.area.onChanged.addListener(this.onChanged);
    this.listening = true;
    this.loaded = false; // changes were missed while off: read everything again
    this.local.forget();
    await this.flush();
  }

  private async load(): Promise<void> {
    this.raw = await this.o.area.get(null);
    this.loaded = true;
  }

  /**
   * Queues a task. A task that throws is reported and retried later: the notes stay safe here,
   * and the promise resolves either way, so no caller or listener sees a rejection.
   */
  private run(task: () => Promise<void>): Promise<void> {
    const next = this.queue.then(() => this.o.serial.run(task)).then(
      () => this.model.setTaskError(null),
      (err: unknown) => {
        // The names the failed pass had taken may be lost: read every note again.
        this.local.forget();
        this.model.setTaskError(describeTaskFailure(err));
        if (this.o.enabled) this.schedule(RETRY_MS);
      },
    );
    this.queue = next;
    return next;
  }

  private schedule(ms: number): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.pass();
    }, ms);
  }

  private remoteChanged(changes: Record<string, StorageChange>): void {
    if (!this.o.enabled) return;
    void this.run(async () => {
      // Before a full read, writing could overwrite what was never read: read and merge first.
      if (!this.loaded) return this.schedule(0);
      // Our own writes come back as changes too; they hold nothing new.
      const news = Object.entries(changes).filter(([key, c]) => JSON.stringify(c.newValue) !== JSON.stringify(this.raw[key]));
      if (news.length === 0) return;
      for (const [key, change] of news) {
        if (change.newValue === undefined) delete this.raw[key];
        else this.raw[key] = change.newValue;
      }
      const changedKeys = new Set(Object.keys(changes));
      const changedLocal = await this.mergeFrom((_, keys) => keys.some((k) => changedKeys.has(k)));
      // Write back only what differs; `write` finds that out and is a no-op otherwise.
      if (changedLocal || this.model.status().pending > 0) this.schedule(this.o.debounceMs);
      else await this.write();
    });
  }

  /** Merges complete remote notes (those `which` picks by id and area keys, or all) into the local store. */
  private async mergeFrom(which: ((id: string, keys: string[]) => boolean) | undefined): Promise<boolean> {
    const snapshot = readArea(this.raw);
    const remotes: [string, SyncEntry][] = [];
    const errors: string[] = [];
    for (const [id, r] of snapshot.notes) {
      if (r.kind === 'unreadable') errors.push(r.error);
      else if (r.kind === 'complete' && (!which || which(id, r.keys))) remotes.push([id, r.entry]);
    }
    const merged = remotes.length ? await mergeRemoteNotes(this.o.store, remotes, this.histories.known) : undefined;
    errors.push(...(merged?.errors ?? []));
    this.model.setReadError(errors.length ? `${errors[0]}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}` : null);
    if (!merged) return false;
    // The local write has committed: only now do the histories say the notes were merged.
    await this.histories.record(merged.metas);
    this.local.name(merged.ids);
    const change = { ids: [...merged.ids], sources: [...merged.sources] };
    if (change.ids.length) for (const l of this.mergedListeners) l(change);
    return merged.sources.size > 0;
  }

  /** Plans and makes the writes; on refusal leaves notes marked and retries later. */
  private async write(): Promise<void> {
    const { entries, deleted } = await this.local.read();
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
