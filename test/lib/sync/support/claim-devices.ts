import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { openReaderClaimsDb, readerRevision, type ReaderClaimsDb } from '@/lib/claims/reader-db';
import { trackClaim, addSighting, type ReaderContext } from '@/lib/claims/reader-store';
import type { SyncLimits } from '@/lib/sync/area';
import { AreaSync } from '@/lib/sync/area-sync';
import type { ClaimEntry } from '@/lib/sync/claim-entry';
import { claimCollection } from '@/lib/sync/claim-store';
import { claimDraft, sightingDraft } from '../../claims/reader-fixtures';
import type { FakeSyncArea, FakeSyncHub } from './fake-sync';

/**
 * Simulated devices for the tracked claims' sync: each has its own reader store (fake-indexeddb),
 * its own replica of the area and an engine over them, and tracks claims as the reader would.
 */
export class ClaimDevice {
  readonly db: ReaderClaimsDb;
  readonly area: FakeSyncArea;
  readonly engine: AreaSync<ClaimEntry>;
  /** The engine's view of the store (a test may spy on its reads). */
  readonly collection = claimCollection(() => this.db);
  readonly ctx: ReaderContext;
  clock = 1_700_000_000_000;

  constructor(name: string, hub: FakeSyncHub, options: { limits?: Partial<SyncLimits>; share?: number; area?: FakeSyncArea } = {}) {
    this.db = openReaderClaimsDb(`claims-${name}-${crypto.randomUUID()}`);
    this.area = options.area ?? hub.area(options.limits ? { limits: options.limits } : {});
    this.ctx = { now: () => this.clock };
    this.engine = new AreaSync({
      area: this.area,
      collection: this.collection,
      now: () => this.clock,
      debounceMs: 1,
      ...(options.limits ? { limits: options.limits } : {}),
      ...(options.share !== undefined ? { share: options.share } : {}),
    });
  }

  /** Tracks a claim with these words, and (optionally) one sighting of it. */
  async track(statement: string, sighted = false) {
    const claim = await trackClaim(this.db, claimDraft({ statement }), this.ctx);
    if (sighted) await addSighting(this.db, sightingDraft(claim.id), this.ctx);
    return claim;
  }

  async claim(id: string) {
    return this.db.claims.get(id);
  }

  revision(): Promise<string> {
    return readerRevision(this.db);
  }

  async close(): Promise<void> {
    this.engine.stop();
    this.db.close();
    await Dexie.delete(this.db.name);
  }
}

/** Lets the areas' change events and the engines' tasks run out. */
export async function settleClaims(devices: ClaimDevice[]): Promise<void> {
  for (let i = 0; i < 8; i++) {
    await new Promise((r) => setTimeout(r, 2));
    await Promise.all(devices.map((d) => d.engine.idle()));
  }
}

/** Every device writes what waits, replication runs, until quiet. */
export async function convergeClaims(hub: FakeSyncHub, devices: ClaimDevice[]): Promise<void> {
  for (let i = 0; i < 4; i++) {
    hub.sync();
    await settleClaims(devices);
    for (const d of devices) await d.engine.flush();
    await settleClaims(devices);
  }
}
