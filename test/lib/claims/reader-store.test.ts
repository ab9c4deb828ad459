import { describe, expect, it } from 'vitest';
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
} from '@/lib/claims/reader-store';
import { claimDraft, pageSource, sightingDraft } from './reader-fixtures';
import { useReaderDb } from './reader-test-db';

const t = useReaderDb();

describe('tracked claims', () => {
  it('tracks a claim with its page and words, and reads it back as stored', async () => {
    const claim = await trackClaim(t.db, claimDraft(), t.ctx);
    expect(claim).toMatchObject({ created: 1_000, modified: 1_000, deleted: false, entities: [], facts: [], sourceKind: 'news-report' });
    expect(claim.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await getTrackedClaim(t.db, claim.id)).toEqual(claim);
  });

  it('edits the statement and type, keeping what was not changed, with a later modified time', async () => {
    const claim = await trackClaim(t.db, claimDraft({ entities: ['Eastport'] }), t.ctx);
    const edited = await editTrackedClaim(t.db, { id: claim.id, statement: '  The bridge closed on Monday.  ', type: 'official-statement' }, t.ctx);
    expect(edited).toMatchObject({ statement: 'The bridge closed on Monday.', type: 'official-statement', entities: ['Eastport'], modified: 1_001 });
    expect(edited.quote).toEqual(claim.quote);
    expect(await getTrackedClaim(t.db, claim.id)).toEqual(edited);
  });

  it('keeps facts only when they are worded as in the quote', async () => {
    const fact = { key: 'crack-length-cm', kind: 'number' as const, value: 30, text: '30-centimetre' };
    const claim = await trackClaim(t.db, claimDraft({ facts: [fact] }), t.ctx);
    expect(claim.facts).toEqual([fact]);
    await expect(editTrackedClaim(t.db, { id: claim.id, facts: [{ ...fact, text: '20-centimetre' }] }, t.ctx)).rejects.toThrow(
      /"20-centimetre" is not in the quote[\s\S]*facts\[0\]\.text/,
    );
    expect((await getTrackedClaim(t.db, claim.id)).facts).toEqual([fact]);
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
      await expect(trackClaim(t.db, input, t.ctx)).rejects.toThrow(ClaimInputError);
      await expect(trackClaim(t.db, input, t.ctx)).rejects.toThrow(field);
    }
    expect(await t.db.claims.count()).toBe(0);
  });

  it('deletes as a tombstone, refuses edits while deleted, and undo brings the claim back whole', async () => {
    const claim = await trackClaim(t.db, claimDraft(), t.ctx);
    t.clock = 2_000;
    expect(await deleteTrackedClaim(t.db, claim.id, t.ctx)).toMatchObject({ deleted: true, modified: 2_000 });
    await expect(editTrackedClaim(t.db, { id: claim.id, statement: 'x' }, t.ctx)).rejects.toThrow(/is deleted; undo the delete first/);
    const back = await undoDeleteTrackedClaim(t.db, claim.id, t.ctx);
    expect(back).toEqual({ ...claim, modified: 2_001 });
  });

  it('names a claim that does not exist', async () => {
    const id = crypto.randomUUID();
    await expect(getTrackedClaim(t.db, id)).rejects.toThrow(ClaimNotFoundError);
    await expect(deleteTrackedClaim(t.db, id, t.ctx)).rejects.toThrow(`No tracked claim with id ${id}`);
    await expect(getTrackedClaim(t.db, 'not-a-uuid')).rejects.toThrow(ClaimInputError);
  });
});

describe('sightings', () => {
  it('records where a claim was seen again, oldest first, and judges them', async () => {
    const claim = await trackClaim(t.db, claimDraft(), t.ctx);
    t.clock = 2_000;
    const first = await addSighting(t.db, sightingDraft(claim.id), t.ctx);
    t.clock = 3_000;
    const second = await addSighting(t.db, sightingDraft(claim.id, { stance: 'agrees' }), t.ctx);
    expect(first).toMatchObject({ stance: 'unknown', differs: [], created: 2_000 });
    expect((await listSightings(t.db, claim.id)).map((s) => s.id)).toEqual([first.id, second.id]);

    const differs = [{ aspect: 'date' as const, what: 'closure day', from: 'Monday', to: 'Tuesday' }];
    const judged = await judgeSighting(t.db, { id: first.id, stance: 'conflicts', differs }, t.ctx);
    expect(judged).toMatchObject({ stance: 'conflicts', differs, modified: 3_000 });
  });

  it('says what differs only for a conflicting sighting', async () => {
    const claim = await trackClaim(t.db, claimDraft(), t.ctx);
    const differs = [{ aspect: 'number' as const, what: 'crack length', from: '30 cm', to: 'about 20 cm' }];
    await expect(addSighting(t.db, sightingDraft(claim.id, { stance: 'agrees', differs }), t.ctx)).rejects.toThrow(
      /only a conflicting sighting says what differs/,
    );
    const s = await addSighting(t.db, sightingDraft(claim.id, { stance: 'conflicts', differs }), t.ctx);
    await expect(judgeSighting(t.db, { id: s.id, stance: 'agrees', differs }, t.ctx)).rejects.toThrow(/differs/);
  });

  it('refuses a sighting of a deleted or unknown claim', async () => {
    const claim = await trackClaim(t.db, claimDraft(), t.ctx);
    await deleteTrackedClaim(t.db, claim.id, t.ctx);
    await expect(addSighting(t.db, sightingDraft(claim.id), t.ctx)).rejects.toThrow(/is deleted/);
    await expect(addSighting(t.db, sightingDraft(crypto.randomUUID()), t.ctx)).rejects.toThrow(ClaimNotFoundError);
    expect(await t.db.sightings.count()).toBe(0);
  });

  it('deletes a sighting with undo', async () => {
    const claim = await trackClaim(t.db, claimDraft(), t.ctx);
    const s = await addSighting(t.db, sightingDraft(claim.id), t.ctx);
    await deleteSighting(t.db, s.id, t.ctx);
    expect(await listSightings(t.db, claim.id)).toEqual([]);
    await undoDeleteSighting(t.db, s.id, t.ctx);
    expect((await listSightings(t.db, claim.id)).map((x) => x.id)).toEqual([s.id]);
  });
});
