import type { SyncArea, SyncLimits } from './area';
import type { ItemFormat } from './item-format';
import type { RateLimiter } from './rate-limiter';
import type { Serial } from './serial';

/**
 * What the storage.sync engine (`AreaSync`) is given: one collection (its format, its entries on
 * this device and how remote ones merge into them) and how to run. Notes and tracked claims are
 * the collections; each one's module says how it reads and merges.
 */

/** This device's entries, as the engine reads them between passes (see `LocalEntries`). */
export interface LocalView<E> {
  /** These entries changed here: the next read reads them again. */
  name(ids: Iterable<string>): void;
  /** Nothing can say which changed: the next read reads every entry. */
  forget(): void;
  readonly readsAll: boolean;
  isNamed(id: string): boolean;
  /** Every local entry, and which are deleted (not counted as kept on this device only). */
  read(): Promise<{ entries: E[]; deleted: Set<string> }>;
}

/** One collection the engine keeps in the area. */
export interface SyncCollection<E> {
  format: ItemFormat<E>;
  /** Reads the collection's bookkeeping; called before every pass, so it must read only once. */
  load(): Promise<void>;
  local: LocalView<E>;
  /**
   * Merges complete remote entries into the local store, once its write has committed records
   * and announces what changed. Says whether anything here changed, and what could not be merged.
   * Throws when the store refuses (the engine retries).
   */
  merge(remotes: [string, E][]): Promise<{ changed: boolean; errors: string[] }>;
}

/** How to build an engine; everything but the collection and the area has a default. */
export type AreaSyncOptions<E> = {
  area: SyncArea;
  collection: SyncCollection<E>;
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
  /** Where tasks queue with another transport's merges (default: the engine's own). */
  serial?: Serial;
  /** The write-rate limiter, shared by every collection writing to the area (default: its own). */
  limiter?: RateLimiter;
  /** The most bytes this collection's items may take in the area (default: all there is). */
  share?: number;
};

/**
 * Starts an engine built by a background wiring; if its start fails, `stop` undoes the wiring
 * (listeners, subscriptions) before the failure is passed on.
 */
export async function startOrUndo<T extends { start(): Promise<void> }>(engine: T, stop: () => void): Promise<{ engine: T; stop: () => void }> {
  try {
    await engine.start();
  } catch (err) {
    stop();
    throw err;
  }
  return { engine, stop };
}
