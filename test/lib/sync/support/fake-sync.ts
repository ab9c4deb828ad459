import type { StorageChange, SyncArea, SyncLimits } from '@/lib/sync/area';
import { SYNC_LIMITS } from '@/lib/sync/area';
import { itemBytes } from '@/lib/sync/bytes';

/**
 * A `storage.sync` for tests that behaves like the browsers' in the ways sync depends on, which
 * WXT's `fakeBrowser` does not: it enforces the quotas and write rates with the browsers' own
 * error messages, fires `onChanged` asynchronously and only for keys whose value changed, and
 * replicates between devices through a hub (per-key last-writer-wins, like Chrome Sync), with
 * devices that can go offline and come back.
 */

type Listener = (changes: Record<string, StorageChange>) => void;
const MINUTE = 60_000;
const HOUR = 3_600_000;

/** Chrome's messages (Chrome 120+), and Firefox's single one for every size limit. */
export const CHROME_ERRORS = {
  QUOTA_BYTES: 'Resource::kQuotaBytes quota exceeded',
  QUOTA_BYTES_PER_ITEM: 'Resource::kQuotaBytesPerItem quota exceeded',
  MAX_ITEMS: 'Resource::kMaxItems quota exceeded',
  MAX_WRITE_OPERATIONS_PER_MINUTE: 'This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.',
  MAX_WRITE_OPERATIONS_PER_HOUR: 'This request exceeds the MAX_WRITE_OPERATIONS_PER_HOUR quota.',
} as const;
export const FIREFOX_QUOTA_ERROR = 'QuotaExceededError: storage.sync API call exceeded its quota limitations.';

/** Where a test can make the next call fail, once (see `Faults`). */
export type FaultStep = 'area.get' | 'area.set' | 'area.remove' | 'store.all' | 'store.update' | 'store.commit' | 'meta.putMany';

/** Failures a test arms: the next call at an armed step throws, once. */
export class Faults {
  private readonly armed = new Set<FaultStep>();
  /** The failures that fired, in order. */
  readonly fired: FaultStep[] = [];
  arm(step: FaultStep): void {
    this.armed.add(step);
  }
  isArmed(step: FaultStep): boolean {
    return this.armed.has(step);
  }
  disarm(): void {
    this.armed.clear();
  }
  /** Throws if `step` is armed (and disarms it). */
  take(step: FaultStep): void {
    if (!this.armed.delete(step)) return;
    this.fired.push(step);
    throw new Error(`injected failure at ${step}`);
  }
}

/** Options for one device's area. */
export type FakeAreaOptions = { limits?: Partial<SyncLimits>; flavor?: 'chrome' | 'firefox'; now?: () => number; faults?: Faults };

/** One device's copy of `storage.sync`. */
export class FakeSyncArea implements SyncArea {
  readonly data = new Map<string, string>(); // JSON, so values are copied like the browser does
  online = true;
  /** Set to make every write fail with this error (a refused write that is not a quota). */
  failWith: Error | undefined;
  readonly outbox = new Map<string, string | null>();
  writes = 0;
  private readonly times: number[] = [];
  private readonly listeners = new Set<Listener>();
  readonly limits: SyncLimits;
  readonly onChanged = {
    addListener: (cb: Listener) => void this.listeners.add(cb),
    removeListener: (cb: Listener) => void this.listeners.delete(cb),
  };

  constructor(
    private readonly hub: FakeSyncHub | undefined,
    private readonly options: FakeAreaOptions = {},
  ) {
    this.limits = { ...SYNC_LIMITS, ...options.limits };
  }

  async get(keys?: null | string | string[]): Promise<Record<string, unknown>> {
    this.options.faults?.take('area.get');
    const wanted = keys == null ? [...this.data.keys()] : Array.isArray(keys) ? keys : [keys];
    const out: Record<string, unknown> = {};
    for (const k of wanted) if (this.data.has(k)) out[k] = JSON.parse(this.data.get(k)!);
    return out;
  }

  async getBytesInUse(keys?: null | string | string[]): Promise<number> {
    const items = await this.get(keys);
    return Object.entries(items).reduce((n, [k, v]) => n + itemBytes(k, v), 0);
  }

  async set(items: Record<string, unknown>): Promise<void> {
    this.options.faults?.take('area.set');
    this.countWrite();
    const next = new Map(this.data);
    for (const [k, v] of Object.entries(items)) {
      if (v === undefined) continue;
      if (itemBytes(k, v) > this.limits.QUOTA_BYTES_PER_ITEM) throw this.quota('QUOTA_BYTES_PER_ITEM');
      next.set(k, JSON.stringify(v));
    }
    if (next.size > this.limits.MAX_ITEMS) throw this.quota('MAX_ITEMS');
    let total = 0;
    for (const [k, json] of next) total += itemBytes(k, JSON.parse(json));
    if (total > this.limits.QUOTA_BYTES) throw this.quota('QUOTA_BYTES');
    this.apply(Object.fromEntries([...Object.entries(items)].filter(([, v]) => v !== undefined).map(([k, v]) => [k, JSON.stringify(v)])), true);
  }

  async remove(keys: string | string[]): Promise<void> {
    this.options.faults?.take('area.remove');
    this.countWrite();
    this.apply(Object.fromEntries((Array.isArray(keys) ? keys : [keys]).map((k) => [k, null])), true);
  }

  async clear(): Promise<void> {
    await this.remove([...this.data.keys()]);
  }

  /** Applies values (JSON, or null to delete) and fires onChanged for those that changed. */
  apply(values: Record<string, string | null>, local: boolean): void {
    const changes: Record<string, StorageChange> = {};
    for (const [k, json] of Object.entries(values)) {
      const old = this.data.get(k);
      if (local) this.outbox.set(k, json);
      if ((old ?? null) === json) continue;
      changes[k] = {
        ...(old !== undefined ? { oldValue: JSON.parse(old) } : {}),
        ...(json !== null ? { newValue: JSON.parse(json) } : {}),
      };
      if (json === null) this.data.delete(k);
      else this.data.set(k, json);
    }
    if (Object.keys(changes).length) queueMicrotask(() => this.listeners.forEach((l) => l(changes)));
    if (local && this.hub?.auto) queueMicrotask(() => this.hub!.sync());
  }

  private countWrite(): void {
    if (this.failWith) throw this.failWith;
    if (this.options.flavor === 'firefox') return; // Firefox has no write-rate limits
    const now = (this.options.now ?? Date.now)();
    while (this.times.length && this.times[0]! <= now - HOUR) this.times.shift();
    const lastMinute = this.times.filter((t) => t > now - MINUTE).length;
    if (lastMinute >= this.limits.MAX_WRITE_OPERATIONS_PER_MINUTE) throw new Error(CHROME_ERRORS.MAX_WRITE_OPERATIONS_PER_MINUTE);
    if (this.times.length >= this.limits.MAX_WRITE_OPERATIONS_PER_HOUR) throw new Error(CHROME_ERRORS.MAX_WRITE_OPERATIONS_PER_HOUR);
    this.times.push(now);
    this.writes++;
  }

  private quota(kind: 'QUOTA_BYTES' | 'QUOTA_BYTES_PER_ITEM' | 'MAX_ITEMS'): Error {
    return new Error(this.options.flavor === 'firefox' ? FIREFOX_QUOTA_ERROR : CHROME_ERRORS[kind]);
  }
}

/** The sync server: replicates areas' writes to each other, last writer wins per key. */
export class FakeSyncHub {
  readonly server = new Map<string, string>();
  readonly areas: FakeSyncArea[] = [];
  /** Replicate after every write (as if all devices were always online and quick). */
  constructor(public auto = true) {}

  /** A new device's area. */
  area(options?: FakeAreaOptions): FakeSyncArea {
    const a = new FakeSyncArea(this, options);
    this.areas.push(a);
    for (const [k, v] of this.server) a.data.set(k, v);
    return a;
  }

  /** Pushes online devices' writes to the server, then brings every online device up to date. */
  sync(): void {
    for (const a of this.areas.filter((x) => x.online)) {
      for (const [k, v] of a.outbox) {
        if (v === null) this.server.delete(k);
        else this.server.set(k, v);
      }
      a.outbox.clear();
    }
    for (const a of this.areas.filter((x) => x.online)) {
      const diff: Record<string, string | null> = {};
      for (const [k, v] of this.server) if (a.data.get(k) !== v) diff[k] = v;
      for (const k of a.data.keys()) if (!this.server.has(k)) diff[k] = null;
      a.apply(diff, false);
    }
  }
}
