import { claimRow, fromRow, sightingRow, type ReaderClaimsDb } from '../claims/reader-db';
import { SightingSchema, TrackedClaimSchema, type Sighting, type TrackedClaim } from '../claims/reader-schema';
import type { LocalView, SyncCollection } from './area-sync';
import { CLAIM_FORMAT, sameValue, type ClaimEntry } from './claim-entry';
import { claimEntryOf, mergeClaimEntries } from './claim-merge';

/**
 * The reader's claim store as a collection of the storage.sync engine: its tracked claims with
 * their sightings, read whole at every pass (they are few; the store tells no one which changed,
 * only that its revision did), and other devices' claims merged back in one transaction. A merge
 * writes only rows that change, through the store's schemas and row builders, so the store's
 * revision moves (and the background repaints) exactly when a claim arrived, changed or went.
 */

/** Reads every tracked claim and sighting, as entries. */
async function readAll(db: ReaderClaimsDb): Promise<{ entries: ClaimEntry[]; deleted: Set<string> }> {
  const [claims, sightings] = await db.transaction('r', db.claims, db.sightings, () => Promise.all([db.claims.toArray(), db.sightings.toArray()]));
  const byClaim = new Map<string, Sighting[]>();
  for (const row of sightings) {
    const s = fromRow(row);
    byClaim.set(s.claimId, [...(byClaim.get(s.claimId) ?? []), s]);
  }
  const entries = claims.map((row) => claimEntryOf(fromRow(row), byClaim.get(row.id) ?? []));
  return { entries, deleted: new Set(entries.filter((e) => !e.claim).map((e) => e.id)) };
}

/** The claim row a merged entry leaves, or undefined when the stored one stays as it is. */
function claimToWrite(merged: ClaimEntry, stored: TrackedClaim | undefined): TrackedClaim | undefined {
  if (merged.claim) return stored && sameValue(stored, merged.claim) ? undefined : TrackedClaimSchema.parse(merged.claim);
  // A delete: the stored claim keeps its words (undo, or an edit elsewhere, can bring it back).
  if (!stored || (stored.deleted && stored.modified === merged.m)) return undefined;
  return TrackedClaimSchema.parse({ ...stored, deleted: true, modified: merged.m });
}

/**
 * Merges remote entries into the store in one read-write transaction; returns the claims written
 * and what could not be merged. A delete of a claim this device never had writes nothing.
 */
export async function mergeRemoteClaims(db: ReaderClaimsDb, remotes: [string, ClaimEntry][]): Promise<{ ids: string[]; errors: string[] }> {
  return db.transaction('rw', db.claims, db.sightings, async () => {
    const ids: string[] = [];
    const errors: string[] = [];
    const stored = await db.claims.bulkGet(remotes.map(([id]) => id));
    for (const [i, [id, remote]] of remotes.entries()) {
      const row = stored[i];
      if (!row && !remote.claim) continue;
      const own = row ? (await db.sightings.where('[claimId+live]').between([id, 0], [id, 1], true, true).toArray()).map(fromRow) : [];
      const merged = row ? mergeClaimEntries(claimEntryOf(fromRow(row), own), remote) : remote;
      const claim = claimToWrite(merged, row && fromRow(row));
      const held = await db.sightings.bulkGet(merged.sightings.map((s) => s.id));
      // A sighting id another claim holds here is no copy of this one: left alone, and reported.
      const foreign = merged.sightings.filter((_, k) => held[k] && held[k].claimId !== id);
      if (foreign.length) errors.push(`synced tracked claim ${id}: ${foreign.length} sighting(s) belong to another claim here`);
      const sightings = merged.sightings
        .filter((s, k) => !held[k] || (held[k].claimId === id && !sameValue(fromRow(held[k]), s)))
        .map((s) => SightingSchema.parse(s));
      if (claim) await db.claims.put(claimRow(claim));
      if (sightings.length) await db.sightings.bulkPut(sightings.map(sightingRow));
      if (claim || sightings.length) ids.push(id);
    }
    return { ids, errors };
  });
}

/** The store as the engine's collection; `onMerged` hears the claims a merge wrote. */
export function claimCollection(db: () => ReaderClaimsDb, onMerged: (ids: string[]) => void = () => undefined): SyncCollection<ClaimEntry> {
  // Every pass reads every claim: nothing names them (see the module comment).
  const local: LocalView<ClaimEntry> = { name: () => undefined, forget: () => undefined, readsAll: true, isNamed: () => true, read: () => readAll(db()) };
  return {
    format: CLAIM_FORMAT,
    load: async () => undefined,
    local,
    async merge(remotes) {
      const { ids, errors } = await mergeRemoteClaims(db(), remotes);
      if (ids.length) onMerged(ids);
      return { changed: ids.length > 0, errors };
    },
  };
}
