import { liveQuery } from 'dexie';
import { readerRevision, type ReaderClaimsDb } from '../claims/reader-db';
import { errorMessage } from '../error-message';
import { SYNC_LIMITS, type SyncArea } from './area';
import { AreaSync } from './area-sync';
import { startOrUndo } from './collection';
import type { ClaimEntry } from './claim-entry';
import { claimCollection } from './claim-store';
import type { RateLimiter } from './rate-limiter';

/**
 * Wiring for the background: the storage.sync engine over the reader's tracked claims, beside the
 * notes' in the same area. The store says only that it changed (its revision, followed from every
 * context), never which claims: each change makes a pass that reads them all, after the engine's
 * debounce. Claims merged from another device are written to the store, whose revision then moves,
 * so the background remakes the claim index and the tabs repaint as for a claim tracked here.
 */

/**
 * The most bytes tracked claims may take in `storage.sync`: two fifths of it (about 64 claims of
 * 650 bytes, or 36 with one sighting each), so that the notes always keep most of the room. Within
 * the share they are planned as notes are: the latest edited first.
 */
export const CLAIM_SHARE_BYTES = Math.floor(SYNC_LIMITS.QUOTA_BYTES * 0.4);

/** Builds and starts the claims' engine; returns it and the function that stops it all. */
export async function startClaimSync(options: {
  db: () => ReaderClaimsDb;
  sync: SyncArea;
  enabled: boolean;
  /** The write-rate limiter the notes' engine uses too: one budget for the area. */
  limiter: RateLimiter;
  debounceMs?: number;
}): Promise<{ engine: AreaSync<ClaimEntry>; stop: () => void }> {
  const engine = new AreaSync({
    area: options.sync,
    collection: claimCollection(options.db),
    enabled: options.enabled,
    limiter: options.limiter,
    share: CLAIM_SHARE_BYTES,
    ...(options.debounceMs !== undefined ? { debounceMs: options.debounceMs } : {}),
  });
  // Heard before the start-up pass, so that a write made while it reads is not missed (the first
  // answer, the store as it is, costs one more pass that finds nothing to write).
  const subscription = liveQuery(() => readerRevision(options.db())).subscribe({
    next: () => engine.notifyLocalChange(),
    error: (error: unknown) => console.warn(`Crosscheck stopped syncing your tracked claims' changes: ${errorMessage(error)}`),
  });
  const stop = () => {
    subscription.unsubscribe();
    engine.stop();
  };
  return startOrUndo(engine, stop);
}
