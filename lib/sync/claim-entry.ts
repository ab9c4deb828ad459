import { z } from 'zod';
import { ReaderIdSchema, SightingSchema, TimestampSchema, TrackedClaimSchema, type Sighting, type TrackedClaim } from '../claims/reader-schema';
import type { ItemFormat } from './item-format';
import { headKeyLengthIn, type KeySpace } from './keys';

/**
 * A tracked claim as `storage.sync` holds it: the claim with every sighting of it, in one entry, so
 * that the planner keeps or drops them together (a sighting never arrives without its claim). A
 * deleted claim travels as a tombstone, its time alone. Fact-checks and claim packs are not
 * synced (see the README: a file can bring 100,000 of them, and the area holds 100 KB).
 */

/** One tracked claim with its sightings; `claim` null is a tombstone (deleted at `m`). */
export type ClaimEntry = { id: string; m: number; claim: TrackedClaim | null; sightings: Sighting[] };

/** Most sightings one synced claim may carry (more than the area could hold at ~0.5 kB each). */
export const MAX_SYNCED_SIGHTINGS = 256;

/** The claims' keys: `t:` heads and `tc:` chunks, apart from the notes' `n:` and `c:`. */
export const CLAIM_KEYS: KeySpace = { head: 't:', chunk: 'tc:' };

/** A value with the keys of every object sorted, so that equal values give equal JSON. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted = Object.keys(value).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]);
  return Object.fromEntries(sorted.filter(([, v]) => v !== undefined));
}

/** Whether two items hold the same data, whatever order their keys were written in. */
export const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));

/** A tombstone is its time; a live claim is its fields (less the id and deleted flag) and its sightings (less the claim's id). */
const CompactSchema = z.union([
  z.strictObject({ x: TimestampSchema }),
  z.strictObject({
    c: z.record(z.string(), z.unknown()),
    s: z.array(z.record(z.string(), z.unknown())).max(MAX_SYNCED_SIGHTINGS),
  }),
]);

function toCompact(e: ClaimEntry): unknown {
  if (!e.claim) return { x: e.m };
  const { id: _id, deleted: _deleted, ...claim } = e.claim;
  const sightings = e.sightings.map(({ claimId: _claimId, ...s }) => s);
  return sortKeys({ c: claim, s: sightings });
}

/**
 * Decodes a record read from the area through the store's own schemas (bounded by them and by the
 * area), so that a decoded entry is always one the store accepts; throws naming what is wrong.
 * Sightings are ordered by id, one per id (the later edit), as `mergeSightings` leaves them.
 */
function fromCompact(id: string, raw: unknown): ClaimEntry {
  const rec = CompactSchema.parse(raw);
  if ('x' in rec) return { id, m: rec.x, claim: null, sightings: [] };
  const claim = TrackedClaimSchema.parse({ ...rec.c, id, deleted: false });
  const sightings = rec.s.map((s) => SightingSchema.parse({ ...s, claimId: id }));
  return { id, m: claim.modified, claim, sightings: mergeSightings(sightings) };
}

/** A sighting's edit against another's: the later, then (same time) the larger JSON; positive when `a` wins. */
export function compareSightings(a: Sighting, b: Sighting): number {
  if (a.modified !== b.modified) return a.modified - b.modified;
  const x = JSON.stringify(sortKeys(a));
  const y = JSON.stringify(sortKeys(b));
  return x < y ? -1 : x > y ? 1 : 0;
}

/** One sighting per id, the winning edit of each, ordered by id: the same whatever order they come in. */
export function mergeSightings(sightings: readonly Sighting[]): Sighting[] {
  const byId = new Map<string, Sighting>();
  for (const s of sightings) {
    const held = byId.get(s.id);
    if (!held || compareSightings(s, held) > 0) byId.set(s.id, s);
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Chars of a string in JSON, leaving out escapes and multi-byte characters (so never more). */
const len = (s: string | undefined) => (s ?? '').length + 2;

/** The reader's tracked claims in `storage.sync` (see `ItemFormat`). */
export const CLAIM_FORMAT: ItemFormat<ClaimEntry> = {
  noun: 'tracked claim',
  keys: CLAIM_KEYS,
  isId: (id) => ReaderIdSchema.safeParse(id).success,
  id: (e) => e.id,
  // No device ids in the store: a fixed tag, so ties in the planner's order fall to the id.
  top: (e) => ({ m: e.claim ? e.sightings.reduce((m, s) => Math.max(m, s.modified), e.m) : e.m, d: 'claims' }),
  tomb: (e) => e.claim === null,
  toCompact,
  fromCompact,
  minBytes: (e) =>
    headKeyLengthIn(CLAIM_KEYS, e.id) +
    (e.claim ? len(e.claim.statement) + len(e.claim.quote.exact) + e.sightings.reduce((n, s) => n + len(s.quote.exact), 0) : String(e.m).length + 6),
};
