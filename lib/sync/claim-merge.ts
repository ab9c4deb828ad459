import type { Sighting, TrackedClaim } from '../claims/reader-schema';
import { mergeSightings, sortKeys, type ClaimEntry } from './claim-entry';

/**
 * Merging a tracked claim seen by several devices, deterministically whatever the order: the
 * claim is a last-writer-wins register (the later `modified`; at the same time a delete wins; then
 * the larger JSON, so equal times still pick the same side everywhere), and its sightings are a
 * set of such registers by id, the union of both sides. A delete newer than every edit deletes the
 * claim; an edit (or an undo) made after a delete brings it back. The store's edits always move
 * `modified` past the last one (`editItem`), so an edit made after seeing another wins over it.
 * Commutative, associative and idempotent; a tombstone travels without sightings, but the store
 * keeps every sighting row it has, so an undo elsewhere brings them back with the claim.
 */

/** Which claim state is later: positive when `a`'s. */
function compareClaims(a: ClaimEntry, b: ClaimEntry): number {
  if (a.m !== b.m) return a.m - b.m;
  if ((a.claim === null) !== (b.claim === null)) return a.claim === null ? 1 : -1;
  const x = JSON.stringify(sortKeys(a.claim));
  const y = JSON.stringify(sortKeys(b.claim));
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Merges two views of the same tracked claim (see the module comment). The sightings are merged
 * whoever wins, so that the merge stays associative; a tombstone's are not written to the area.
 */
export function mergeClaimEntries(a: ClaimEntry, b: ClaimEntry): ClaimEntry {
  const win = compareClaims(a, b) >= 0 ? a : b;
  return { id: a.id, m: win.m, claim: win.claim, sightings: mergeSightings([...a.sightings, ...b.sightings]) };
}

/** The entry for a claim as the store holds it, with its sightings (a deleted claim is a tombstone). */
export function claimEntryOf(claim: TrackedClaim, sightings: readonly Sighting[]): ClaimEntry {
  if (claim.deleted) return { id: claim.id, m: claim.modified, claim: null, sightings: [] };
  return { id: claim.id, m: claim.modified, claim, sightings: mergeSightings(sightings.filter((s) => s.claimId === claim.id)) };
}
