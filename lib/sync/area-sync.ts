import { readAreaOf } from './area-reader';
import { classifyFailure, SYNC_LIMITS, type StorageChange, type SyncLimits } from './area';
import type { AreaSyncOptions, LocalView, SyncCollection } from './collection';
import { parseKeyIn } from './keys';
import { planWritesOf } from './planner';
import { RateLimiter } from './rate-limiter';
import type { NoteSyncState, SyncStatus } from './schema';
import { Serial } from './serial';
import { describeFailure, describeTaskFailure, SyncStatusModel } from './status';

/**
 * The storage.sync engine, for any collection (`SyncCollection`: the notes, the reader's tracked
 * claims). Mirrors this device's entries into `storage.sync` and merges other devices' entries
 * back, on start-up and on every `onChanged`. The local store stays the source of truth: sync only
 * ever writes merged entries back to it, never removes one, and when the area is full or refuses a
 * write the entries simply stay pending or over-quota here (see `status`). Writes are debounced
 * and kept under the browser's rate limits (one limiter shared by every collection); all work runs
 * one task at a time. A task that fails (a store or the area refusing) is reported in the status
 * and tried again; it never leaves bookkeeping that its failed write did not back up. Collections
 * share the area: each counts the others' items as taken and touches only its own keys.
 */

/** Wait after the browser refused a write for its rate, before trying again. */
const RATE_BACKOFF_MS = 60_000;
/** Wait after a full area refused a write (another device may have filled it meanwhile). */
const QUOTA_BACKOFF_MS = 30_000;
/** Wait after a task failed for another reason (the local database or `storage.local` refused). */
const RETRY_MS = 30_000;

/** A new limiter a sixth below the browser's ceilings: room for settings writes and for clock skew. */
export const areaLimiter = (limits: SyncLimits = SYNC_LIMITS): RateLimiter =>
  new RateLimiter(Math.floor(limits.MAX_WRITE_OPERATIONS_PER_MINUTE * 0.83), Math.floor(limits.MAX_WRITE_OPERATIONS_PER_HOUR * 0.83));

export type { AreaSyncOptions, LocalView, SyncCollection } from './collection';

/** The sync engine; see the module comment. Call `start()` once, `notifyLocalChange(ids)` per edit. */
export class AreaSync<E> {
  private readonly o: Required<Omit<AreaSyncOptions<E>, 'limits' | 'reserve' | 'limiter' | 'share'>> & { limits: SyncLimits; reserve: { bytes: number; items: number }; share?: number };
  private readonly limiter: RateLimiter;
  private readonly model: SyncStatusModel;
  private raw: Record<string, unknown> = {};
  private readonly collection: SyncCollection<E>;
  /** Whether `raw` holds a full read of the area (until then nothing is written). */
  private loaded = false;
  private queue: Promise<unknown> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private listening = false;
  /** Every local entry, kept between passes: a pass reads again only the entries named since. */
  private readonly local: LocalView<E>;
  private readonly onChanged = (changes: Record<string, StorageChange>) => void this.remoteChanged(changes);

  constructor(options: AreaSyncOptions<E>) {
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
    this.limiter = options.limiter ?? areaLimiter(limits);
    this.model = new SyncStatusModel(this.o.enabled);
    this.collection = options.collection;
    this.local = options.collection.local;
  }

  /** Loads bookkeeping, listens to the area and runs a first full merge and write. */
  async start(): Promise<void> {
    await this.collection.load();
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
   * Tells the engine that these entries (ids from a change notice) changed here; it writes after
   * `debounceMs`, reading only them again. Without ids it cannot know which: it reads every entry.
   */
  notifyLocalChange(ids?: readonly string[]): void {
    if (!this.o.enabled) return; // switching on reads every entry anyway
    if (ids) this.local.name(ids);
    else this.local.forget();
    this.schedule(this.o.debounceMs);
  }

  /**
   * Merges what the area holds, reads every local entry and writes what is waiting (if the rate
   * limit allows) now: for the retry alarm, and for writes no notice told of (tests' direct ones).
   */
  flush(): Promise<void> {
    this.local.forget();
    return this.pass();
  }

  /**
   * Merges, then writes what changed since the last pass. A pass that reads every entry merges
   * every entry the area holds; any other merges only the entries named since (a merge that skipped
   * one edited here meanwhile is named by that edit's notice), as `remoteChanged` merged the rest.
   */
  private pass(): Promise<void> {
    return this.run(async () => {
      if (!this.o.enabled) return;
      await this.collection.load(); // read once; a notice may come before start() has read it
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

  /** Where each entry stands (those not listed are synced or were never seen by the planner). */
  states(): ReadonlyMap<string, NoteSyncState> {
    return this.model.states();
  }

  /** Calls `listener` on every status change; returns the function that stops it. */
  subscribe(listener: (status: SyncStatus) => void): () => void {
    return this.model.subscribe(listener);
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
   * Queues a task. A task that throws is reported and retried later: the entries stay safe here,
   * and the promise resolves either way, so no caller or listener sees a rejection.
   */
  private run(task: () => Promise<void>): Promise<void> {
    const next = this.queue.then(() => this.o.serial.run(task)).then(
      () => this.model.setTaskError(null),
      (err: unknown) => {
        // The names the failed pass had taken may be lost: read every entry again.
        this.local.forget();
        this.model.setTaskError(describeTaskFailure(err, this.collection.format.noun));
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
      // Only other collections' items (or settings) changed: that can only have freed room, which
      // matters to entries that did not fit; the others need no read (the claims' reads all).
      const ours = news.some(([key]) => parseKeyIn(this.collection.format.keys, key));
      if (!ours && ![...this.model.states().values()].includes('over-quota')) return;
      const changedKeys = new Set(Object.keys(changes));
      const changedLocal = await this.mergeFrom((_, keys) => keys.some((k) => changedKeys.has(k)));
      // Write back only what differs; `write` finds that out and is a no-op otherwise.
      if (changedLocal || this.model.status().pending > 0) this.schedule(this.o.debounceMs);
      else await this.write();
    });
  }

  /** Merges complete remote entries (those `which` picks by id and area keys, or all) into the local store. */
  private async mergeFrom(which: ((id: string, keys: string[]) => boolean) | undefined): Promise<boolean> {
    const snapshot = readAreaOf(this.collection.format, this.raw);
    const remotes: [string, E][] = [];
    const errors: string[] = [];
    for (const [id, r] of snapshot.entries) {
      if (r.kind === 'unreadable') errors.push(r.error);
      else if (r.kind === 'complete' && (!which || which(id, r.keys))) remotes.push([id, r.entry]);
    }
    const merged = remotes.length ? await this.collection.merge(remotes) : undefined;
    errors.push(...(merged?.errors ?? []));
    this.model.setReadError(errors.length ? `${errors[0]}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}` : null);
    return merged?.changed ?? false;
  }

  /** Plans and makes the writes; on refusal leaves entries marked and retries later. */
  private async write(): Promise<void> {
    const { entries, deleted } = await this.local.read();
    const { limits, reserve } = this.o;
    const now = this.o.now();
    const { format } = this.collection;
    const plan = planWritesOf(format, entries, readAreaOf(format, this.raw), this.raw, {
      bytes: limits.QUOTA_BYTES - reserve.bytes,
      items: limits.MAX_ITEMS - reserve.items,
      perItem: limits.QUOTA_BYTES_PER_ITEM,
      tombstoneTtlMs: this.o.tombstoneTtlMs,
      ...(this.o.share !== undefined ? { share: this.o.share } : {}),
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
      this.model.setStates(plan.states, describeFailure(failure, err, plan.writing.length, format.noun), undefined, deleted);
      this.schedule(failure === 'rate' ? RATE_BACKOFF_MS : QUOTA_BACKOFF_MS);
      return;
    }
    for (const id of plan.writing) plan.states.set(id, 'synced');
    this.model.setStates(plan.states, null, now, deleted);
  }
}
