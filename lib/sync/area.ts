import { errorMessage } from '../error-message';

/**
 * The narrow slice of `browser.storage.sync` the engine uses, so tests can hand it a fake area and
 * the engine never depends on a global. Also the documented limits, and how to tell a full area
 * from a refused write rate from the browsers' error messages (there are no error codes).
 */

/** One key's change, as `storage.onChanged` reports it. */
export type StorageChange = { oldValue?: unknown; newValue?: unknown };

/** The part of a `StorageArea` sync needs; `browser.storage.sync` satisfies it. */
export interface SyncArea {
  get(keys?: null | string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
  onChanged: {
    addListener(cb: (changes: Record<string, StorageChange>) => void): void;
    removeListener(cb: (changes: Record<string, StorageChange>) => void): void;
  };
}

/** `storage.sync` limits as Chrome documents them (Firefox: same sizes, no write-rate limits). */
export const SYNC_LIMITS = {
  QUOTA_BYTES: 102_400,
  QUOTA_BYTES_PER_ITEM: 8_192,
  MAX_ITEMS: 512,
  MAX_WRITE_OPERATIONS_PER_HOUR: 1_800,
  MAX_WRITE_OPERATIONS_PER_MINUTE: 120,
} as const;
export type SyncLimits = { -readonly [K in keyof typeof SYNC_LIMITS]: number };

/** Why a write failed: the area is full, writes come too fast, or something else. */
export type WriteFailure = 'quota' | 'rate' | 'other';

/**
 * Classifies a rejected write. Chrome says "Resource::kQuotaBytes quota exceeded" (older
 * versions "QUOTA_BYTES quota exceeded") and "This request exceeds the
 * MAX_WRITE_OPERATIONS_PER_MINUTE quota."; Firefox says "QuotaExceededError: storage.sync API
 * call exceeded its quota limitations." for every size limit and has no rate limit.
 */
export function classifyFailure(err: unknown): WriteFailure {
  const message = errorMessage(err);
  if (/MAX_WRITE_OPERATIONS|MAX_SUSTAINED_WRITE/.test(message)) return 'rate';
  if (/quota/i.test(message)) return 'quota';
  return 'other';
}
