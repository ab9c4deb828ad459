import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromRow } from '@/lib/claims/reader-db';
import { deleteTrackedClaim } from '@/lib/claims/reader-store';
import { readAreaOf } from '@/lib/sync/area-reader';
import { CLAIM_FORMAT, CLAIM_KEYS, type ClaimEntry } from '@/lib/sync/claim-entry';
import { claimEntryOf, mergeClaimEntries } from '@/lib/sync/claim-merge';
import { encodeItems } from '@/lib/sync/item-format';
import { chunkKeyIn, headKeyIn } from '@/lib/sync/keys';
import { SyncStatusSchema } from '@/lib/sync/schema';
import { HOSTILE_VALUES, spoiled } from '../../fixtures/hostile-json';
import { ClaimDevice, settleClaims } from './support/claim-devices';
import { FakeSyncHub } from './support/fake-sync';

/**
 * Fuzz: whatever `storage.sync` holds under the tracked claims' keys (other devices' claims spoiled
 * at random places, random JSON, half chunk sets, sightings that name another claim's sighting),
 * starting sync and flushing never throws or hangs, the status stays publishable and names what it
 * could not read, and no claim or sighting stored here is lost: a claim the area holds nothing
 * readable for stays exactly as it was, and one it holds a readable copy of becomes the merge of
 * both. A fixed seed, so a failure replays: FUZZ_SEED=<seed> overrides it.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_203);

/** One device with three claims (one deleted) and two sightings, built once; each run copies its rows. */
let source: ClaimDevice;
let ids: string[];
beforeAll(async () => {
  source = new ClaimDevice('source', new FakeSyncHub(false));
  const one = await source.track('The bridge closed on Monday.', true);
  source.clock += 5;
  const two = await source.track('The council met on Tuesday.', true);
  source.clock += 5;
  const three = await source.track('Deleted words.');
  await deleteTrackedClaim(source.db, three.id, source.ctx);
  ids = [one.id, two.id, three.id];
});
afterAll(() => source?.close());

/** Another device's valid record of claim `id`: a newer or older edit, maybe with a sighting of its own. */
async function remoteRecord(id: string, dt: number, words: string): Promise<unknown> {
  const row = (await source.db.claims.get(id))!;
  const claim = { ...fromRow(row), deleted: false, statement: words, modified: row.modified + dt };
  const sightings = (await source.db.sightings.where('claimId').equals(id).toArray()).map(fromRow);
  return Object.values(encodeItems(CLAIM_FORMAT, claimEntryOf(claim, sightings)))[0];
}

describe('tracked claims sync with hostile storage contents', () => {
  it('never throws or hangs, and loses or changes no claim stored here but by a merge', async () => {
    const claimId = fc.constantFrom(0, 1, 2);
    const item = fc.oneof(
      // a valid record of a claim held here, newer or older
      fc.tuple(claimId, fc.integer({ min: -3, max: 3 }), fc.constantFrom('Remote words.', 'Other words.')).map(async ([i, dt, words]) => [headKeyIn(CLAIM_KEYS, ids[i]!), await remoteRecord(ids[i]!, dt, words)] as const),
      // a hostile value, random JSON under a key holding no claim id, a manifest of chunks not there, a stray chunk
      fc.tuple(claimId, fc.constantFrom(...HOSTILE_VALUES)).map(async ([i, v]) => [headKeyIn(CLAIM_KEYS, ids[i]!), v] as const),
      fc.tuple(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 3 })).map(async ([k, v]) => [`t:~${k}`, v] as const),
      fc.tuple(claimId, fc.constantFrom(1, 3, 600, 5_000_000)).map(async ([i, n]) => [headKeyIn(CLAIM_KEYS, ids[i]!), { h: 'abc', n, m: 1, d: 'claims' }] as const),
      fc.tuple(claimId, fc.jsonValue({ maxDepth: 1 })).map(async ([i, v]) => [chunkKeyIn(CLAIM_KEYS, ids[i]!, 'abc', 0), v] as const),
    );
    // A valid record spoiled at one to three random places.
    const spoilt = fc.tuple(claimId, fc.integer({ min: 0, max: 1_000 })).map(([i, seed]) => ({ i, seed }));
    await fc.assert(
      fc.asyncProperty(fc.array(item, { maxLength: 5 }), fc.array(spoilt, { maxLength: 3 }), async (makers, spoils) => {
        const items: Record<string, unknown> = {};
        for (const make of makers) {
          const [k, v] = await make;
          items[k] = v;
        }
        for (const { i, seed } of spoils) {
          const valid = await remoteRecord(ids[i]!, 1, 'Spoiled.');
          items[headKeyIn(CLAIM_KEYS, ids[i]!)] = fc.sample(spoiled(valid), { seed, numRuns: 1 })[0];
        }
        const device = new ClaimDevice('fuzz', new FakeSyncHub(false));
        try {
          await device.db.claims.bulkPut(await source.db.claims.toArray());
          await device.db.sightings.bulkPut(await source.db.sightings.toArray());
          const before = new Map((await device.db.claims.toArray()).map((r) => [r.id, fromRow(r)]));
          const sightingsBefore = (await device.db.sightings.toArray()).map(fromRow);
          await device.area.set(items).catch(() => undefined); // what the fake area refuses never reaches a real one
          const held = await device.area.get(null);
          const readable = readAreaOf(CLAIM_FORMAT, held).entries;
          // A bad item is named while it is there (until this device writes its own copy over it).
          const errors: string[] = [];
          device.engine.subscribe((s) => {
            expect(SyncStatusSchema.safeParse(s).success).toBe(true);
            if (s.error) errors.push(s.error);
          });
          await device.engine.start();
          await device.engine.flush();
          await settleClaims([device]);
          const unreadable = [...readable.values()].filter((r) => r.kind === 'unreadable');
          if (unreadable.length) expect(errors.join('\n')).toMatch(/synced tracked claim/);
          for (const [id, was] of before) {
            const now = fromRow((await device.db.claims.get(id))!);
            const remote = readable.get(id);
            if (remote?.kind !== 'complete') {
              expect(now).toEqual(was);
              continue;
            }
            const expected: ClaimEntry = mergeClaimEntries(claimEntryOf(was, sightingsBefore), remote.entry);
            if (expected.claim) expect(now).toMatchObject({ statement: expected.claim.statement, modified: expected.claim.modified, deleted: false });
            else expect(now).toMatchObject({ deleted: true, statement: was.statement });
          }
          // Every sighting is still here, with its own claim.
          for (const s of sightingsBefore) expect((await device.db.sightings.get(s.id))?.claimId).toBe(s.claimId);
        } finally {
          await device.close();
        }
      }),
      { seed: SEED, numRuns: 40 },
    );
  }, 120_000);

  it('reports a sighting that names another claim’s, and leaves that sighting with its own claim', async () => {
    const device = new ClaimDevice('foreign', new FakeSyncHub(false));
    try {
      await device.db.claims.bulkPut(await source.db.claims.toArray());
      await device.db.sightings.bulkPut(await source.db.sightings.toArray());
      const other = (await source.db.sightings.where('claimId').equals(ids[1]!).toArray()).map(fromRow);
      const claim = { ...fromRow((await source.db.claims.get(ids[0]!))!), modified: 1_800_000_000_000 };
      // Claim one's record carrying claim two's sighting, as a newer edit.
      await device.area.set(encodeItems(CLAIM_FORMAT, { id: claim.id, m: claim.modified, claim, sightings: other.map((s) => ({ ...s, claimId: claim.id, modified: s.modified + 9 })) }));
      await device.engine.start();
      await settleClaims([device]);
      expect(device.engine.status().error).toMatch(/synced tracked claim .*belong to another claim here/);
      expect((await device.db.sightings.get(other[0]!.id))?.claimId).toBe(ids[1]);
      expect((await device.db.claims.get(ids[0]!))?.modified).toBe(1_800_000_000_000);
    } finally {
      await device.close();
    }
  });
});
