import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openReaderClaimsDb, type ReaderClaimsDb } from '../../../lib/claims/reader-db';
import {
  addSighting,
  ClaimInputError,
  ClaimNotFoundError,
  deleteSighting,
  deleteTrackedClaim,
  editTrackedClaim,
  getTrackedClaim,
  judgeSighting,
  listSightings,
  trackClaim,
  undoDeleteSighting,
  undoDeleteTrackedClaim,
  type ReaderContext,
} from '../../../lib/claims/reader-store';
import { claimDraft, pageSource, sightingDraft } from './reader-fixtures';

let db: ReaderClaimsDb;
let clock: number;
const ctx: ReaderContext = { now: () => clock };

beforeEach(() => {
  db = openReaderClaimsDb(`test-${crypto.randomUUID()}`);
  clock = 1_000;
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('tracked claims', () => {
  it('tracks a claim with its page and words, and reads it back as stored', async () => {
    const claim = await trackClaim(db, claimDraft(), ctx);
    expect(claim).toMatchObject({ created: 1_000, modified: 1_000, deleted: false, entities: [], facts: [], sourceKind: 'news-report' });
    expect(claim.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await getTrackedClaim(db, claim.id)).toEqual(claim);
  });

  it('edits the statement and type, keeping what was not changed, with a later modified time', async () => {
    const claim = await trackClaim(db, claimDraft({ entities: ['Eastport'] }), ctx);
    const edited = await editTrackedClaim(db, { id: claim.id, statement: '  The bridge closed on Monday.  ', type: 'official-statement' }, ctx);
    expect(edited).toMatchObject({ statement: 'The bridge closed on Monday.', type: 'official-statement', entities: ['Eastport'], modified: 1_001 });
    expect(edited.quote).toEqual(claim.quote);
    expect(await getTrackedClaim(db, claim.id)).toEqual(edited);
  });

  it('keeps facts only when they are worded as in the quote', async () => {
    const fact = { key: 'crack-length-cm', kind: 'number' as const, value: 30, text: '30-centimetre' };
    const claim = await trackClaim(db, claimDraft({ facts: [fact] }), ctx);
    expect(claim.facts).toEqual([fact]);
    await expect(editTrackedClaim(db, { id: claim.id, facts: [{ ...fact, text: '20-centimetre' }] }, ctx)).rejects.toThrow(
      /"20-centimetre" is not in the quote[\s\S]*facts\[0\]\.text/,
    );
    expect((await getTrackedClaim(db, claim.id)).facts).toEqual([fact]);
  });

  it('refuses bad input with the field named, and stores nothing', async () => {
    const bad = [
      [claimDraft({ statement: '   ' }), /statement/],
      [claimDraft({ type: 'rumour' as never }), /type/],
      [claimDraft({ page: pageSource({ url: 'javascript:alert(1)' }) }), /page\.url/],
      [claimDraft({ page: pageSource({ published: 'yesterday' }) }), /page\.published/],
      [claimDraft({ statement: 'x'.repeat(2001) }), /statement/],
    ] as const;
    for (const [input, field] of bad) {
      await expect(trackClaim(db, input, ctx)).rejects.toThrow(ClaimInputError);
      await expect(trackClaim(db, input, ctx)).rejects.toThrow(field);
    }
    expect(await db.claims.count()).toBe(0);
  });

  it('deletes as a tombstone, refuses edits while deleted, and undo brings the claim back whole', async () => {
    const claim = await trackClaim(db, claimDraft(), ctx);
    clock = 2_000;
    expect(await deleteTrackedClaim(db, claim.id, ctx)).toMatchObject({ deleted: true, modified: 2_000 });
    await expect(editTrackedClaim(db, { id: claim.id, statement: 'x' }, ctx)).rejects.toThrow(/is deleted; undo the delete first/);
    const back = await undoDeleteTrackedClaim(db, claim.id, ctx);
    expect(back).toEqual({ ...claim, modified: 2_001 });
  });

  it('names a claim that does not exist', async () => {
    const id = crypto.randomUUID();
    await expect(getTrackedClaim(db, id)).rejects.toThrow(ClaimNotFoundError);
    await expect(deleteTrackedClaim(db, id, ctx)).rejects.toThrow(`No tracked claim with id ${id}`);
    await expect(getTrackedClaim(db, 'not-a-uuid')).rejects.toThrow(ClaimInputError);
  });
});

describe('sightings', () => {
  it('records where a claim was seen again, oldest first, and judges them', async () => {
    const claim = await trackClaim(db, claimDraft(), ctx);
    clock = 2_000;
    const first = await addSighting(db, sightingDraft(claim.id), ctx);
    clock = 3_000;
    const second = await addSighting(db, sightingDraft(claim.id, { stance: 'agrees' }), ctx);
    expect(first).toMatchObject({ stance: 'unknown', differs: [], created: 2_000 });
    expect((await listSightings(db, claim.id)).map((s) => s.id)).toEqual([first.id, second.id]);

    const differs = [{ aspect: 'date' as const, what: 'closure day', from: 'Monday', to: 'Tuesday' }];
    const judged = await judgeSighting(db, { id: first.id, stance: 'conflicts', differs }, ctx);
    expect(judged).toMatchObject({ stance: 'conflicts', differs, modified: 3_000 });
  });

  it('says what differs only for a conflicting sighting', async () => {
    const claim = await trackClaim(db, claimDraft(), ctx);
    const differs = [{ aspect: 'number' as const, what: 'crack length', from: '30 cm', to: 'about 20 cm' }];
    await expect(addSighting(db, sightingDraft(claim.id, { stance: 'agrees', differs }), ctx)).rejects.toThrow(
      /only a conflicting sighting says what differs/,
    );
    const s = await addSighting(db, sightingDraft(claim.id, { stance: 'conflicts', differs }), ctx);
    await expect(judgeSighting(db, { id: s.id, stance: 'agrees', differs }, ctx)).rejects.toThrow(/differs/);
  });

  it('refuses a sighting of a deleted or unknown claim', async () => {
    const claim = await trackClaim(db, claimDraft(), ctx);
    await deleteTrackedClaim(db, claim.id, ctx);
    await expect(addSighting(db, sightingDraft(claim.id), ctx)).rejects.toThrow(/is deleted/);
    await expect(addSighting(db, sightingDraft(crypto.randomUUID()), ctx)).rejects.toThrow(ClaimNotFoundError);
    expect(await db.sightings.count()).toBe(0);
  });

  it('deletes a sighting with undo', async () => {
    const claim = await trackClaim(db, claimDraft(), ctx);
    const s = await addSighting(db, sightingDraft(claim.id), ctx);
    await deleteSighting(db, s.id, ctx);
    expect(await listSightings(db, claim.id)).toEqual([]);
    await undoDeleteSighting(db, s.id, ctx);
    expect((await listSightings(db, claim.id)).map((x) => x.id)).toEqual([s.id]);
  });
});
