import { claimRow, fromRow, sightingRow, type ReaderClaimsDb } from './reader-db';
import { editItem, getItem, parseClaimInput, ClaimInputError, type ReaderContext, type RowKind } from './reader-rows';
import {
  ClaimChangesSchema,
  NewSightingSchema,
  NewTrackedClaimSchema,
  ReaderIdSchema,
  SightingJudgementSchema,
  SightingSchema,
  TrackedClaimSchema,
  type Sighting,
  type TrackedClaim,
} from './reader-schema';

/**
 * The reader's tracked claims and their sightings: create, read, edit, delete with undo. Plain
 * functions over the database, every input parsed (it may come from a page), so that they can be
 * tested without messaging and wired to any transport. Deletes are tombstones: undo loses nothing.
 */

export { ClaimInputError, ClaimNotFoundError, type ReaderContext } from './reader-rows';

const claims = (db: ReaderClaimsDb): RowKind<TrackedClaim> => ({
  what: 'tracked claim',
  table: db.claims,
  schema: TrackedClaimSchema,
  toRow: claimRow,
});
const sightings = (db: ReaderClaimsDb): RowKind<Sighting> => ({
  what: 'sighting',
  table: db.sightings,
  schema: SightingSchema,
  toRow: sightingRow,
});

const idOf = (id: unknown, what: string) => parseClaimInput(ReaderIdSchema, id, `${what} id`);
const stamp = (ctx: ReaderContext) => {
  const at = ctx.now();
  return { id: crypto.randomUUID(), created: at, modified: at, deleted: false };
};

/** Tracks a claim: the statement, its type, and the page and words it was read in. */
export async function trackClaim(db: ReaderClaimsDb, input: unknown, ctx: ReaderContext): Promise<TrackedClaim> {
  const draft = parseClaimInput(NewTrackedClaimSchema, input, 'tracked claim');
  const claim = TrackedClaimSchema.parse({ ...draft, ...stamp(ctx) });
  await db.claims.add(claimRow(claim));
  return claim;
}

/** One tracked claim, tombstones included; throws ClaimNotFoundError when there is none. */
export async function getTrackedClaim(db: ReaderClaimsDb, id: unknown): Promise<TrackedClaim> {
  return getItem(claims(db), idOf(id, 'tracked claim'));
}

function requireLive(item: { id: string; deleted: boolean }, what: string): void {
  if (item.deleted) throw new ClaimInputError(`The ${what} ${item.id} is deleted; undo the delete first`);
}

/** Edits a live tracked claim: its statement, type, entities, facts or source kind. */
export async function editTrackedClaim(db: ReaderClaimsDb, input: unknown, ctx: ReaderContext): Promise<TrackedClaim> {
  const { id, ...changes } = parseClaimInput(ClaimChangesSchema, input, 'tracked claim edit');
  return editItem(claims(db), id, ctx, (claim) => (requireLive(claim, 'tracked claim'), changes));
}

/** Deletes a tracked claim (a tombstone, so that undo brings it back as it was). */
export async function deleteTrackedClaim(db: ReaderClaimsDb, id: unknown, ctx: ReaderContext): Promise<TrackedClaim> {
  return editItem(claims(db), idOf(id, 'tracked claim'), ctx, () => ({ deleted: true }));
}

/** Brings a deleted tracked claim back. */
export async function undoDeleteTrackedClaim(db: ReaderClaimsDb, id: unknown, ctx: ReaderContext): Promise<TrackedClaim> {
  return editItem(claims(db), idOf(id, 'tracked claim'), ctx, () => ({ deleted: false }));
}

/** Records that a page states a live tracked claim, in its own words. */
export async function addSighting(db: ReaderClaimsDb, input: unknown, ctx: ReaderContext): Promise<Sighting> {
  const draft = parseClaimInput(NewSightingSchema, input, 'sighting');
  return db.transaction('rw', db.claims, db.sightings, async () => {
    requireLive(await getItem(claims(db), draft.claimId), 'tracked claim');
    const sighting = SightingSchema.parse({ ...draft, ...stamp(ctx) });
    await db.sightings.add(sightingRow(sighting));
    return sighting;
  });
}

/** Sets how a page states the claim (agrees, conflicts, unknown) and what differs. */
export async function judgeSighting(db: ReaderClaimsDb, input: unknown, ctx: ReaderContext): Promise<Sighting> {
  const { id, ...judgement } = parseClaimInput(SightingJudgementSchema, input, 'sighting judgement');
  return editItem(sightings(db), id, ctx, (s) => (requireLive(s, 'sighting'), judgement));
}

/** Deletes a sighting (a tombstone). */
export async function deleteSighting(db: ReaderClaimsDb, id: unknown, ctx: ReaderContext): Promise<Sighting> {
  return editItem(sightings(db), idOf(id, 'sighting'), ctx, () => ({ deleted: true }));
}

/** Brings a deleted sighting back. */
export async function undoDeleteSighting(db: ReaderClaimsDb, id: unknown, ctx: ReaderContext): Promise<Sighting> {
  return editItem(sightings(db), idOf(id, 'sighting'), ctx, () => ({ deleted: false }));
}

/** The live sightings of a tracked claim, oldest first (the order the reader met them). */
export async function listSightings(db: ReaderClaimsDb, claimId: unknown): Promise<Sighting[]> {
  const id = idOf(claimId, 'tracked claim');
  const rows = await db.sightings.where('[claimId+live]').equals([id, 1]).toArray();
  return rows.map(fromRow).sort((a, b) => a.created - b.created);
}
