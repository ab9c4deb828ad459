import { afterEach, describe, expect, it, vi } from 'vitest';
import { deleteTrackedClaim, editTrackedClaim, judgeSighting, listSightings, undoDeleteTrackedClaim } from '@/lib/claims/reader-store';
import { readAreaOf } from '@/lib/sync/area-reader';
import { CLAIM_FORMAT } from '@/lib/sync/claim-entry';
import { headKeyIn } from '@/lib/sync/keys';
import { CLAIM_KEYS } from '@/lib/sync/claim-entry';
import { ClaimDevice, convergeClaims, settleClaims } from './support/claim-devices';
import { FakeSyncHub } from './support/fake-sync';

/** Tracked claims between devices sharing one `storage.sync` (the fake hub), each with its own reader store. */

const open: ClaimDevice[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((d) => d.close()));
});

function world(n = 2, options: ConstructorParameters<typeof ClaimDevice>[2] = {}) {
  const hub = new FakeSyncHub(true);
  const devices = ['A', 'B', 'C'].slice(0, n).map((name) => new ClaimDevice(name, hub, options));
  open.push(...devices);
  return { hub, devices };
}

const areaClaims = (hub: FakeSyncHub) => readAreaOf(CLAIM_FORMAT, Object.fromEntries([...hub.server].map(([k, v]) => [k, JSON.parse(v)]))).entries;

describe('tracked claims through storage.sync', () => {
  it('brings a claim tracked on one device, with its sighting, to the others, and moves their store revision', async () => {
    const { hub, devices } = world(3);
    const [a, b, c] = devices as [ClaimDevice, ClaimDevice, ClaimDevice];
    for (const d of devices) await d.engine.start();
    const before = await b.revision();
    const claim = await a.track('The bridge closed on Monday.', true);
    await convergeClaims(hub, devices);
    for (const d of [b, c]) {
      expect((await d.claim(claim.id))?.statement).toBe('The bridge closed on Monday.');
      expect((await listSightings(d.db, claim.id)).map((s) => s.page.outlet)).toEqual(['The Gazette']);
    }
    expect(await b.revision()).not.toBe(before);
    expect(a.engine.status()).toMatchObject({ pending: 0, overQuota: 0, error: null });
    // One item for the claim and its sighting, under the claims' own keys.
    expect([...hub.server.keys()]).toEqual([headKeyIn(CLAIM_KEYS, claim.id)]);
  });

  it('propagates a delete as a tombstone; the other device keeps the words, and an undo there brings the claim back everywhere', async () => {
    const { hub, devices } = world(2);
    const [a, b] = devices as [ClaimDevice, ClaimDevice];
    for (const d of devices) await d.engine.start();
    const claim = await a.track('The bridge closed on Monday.', true);
    await convergeClaims(hub, devices);
    a.clock += 10;
    await deleteTrackedClaim(a.db, claim.id, a.ctx);
    await convergeClaims(hub, devices);
    expect(await b.claim(claim.id)).toMatchObject({ deleted: true, statement: 'The bridge closed on Monday.' });
    expect(hub.server.get(headKeyIn(CLAIM_KEYS, claim.id))).toMatch(/^\{"x":\d+\}$/);
    b.clock += 20;
    await undoDeleteTrackedClaim(b.db, claim.id, b.ctx);
    await convergeClaims(hub, devices);
    expect(await a.claim(claim.id)).toMatchObject({ deleted: false });
    expect(await listSightings(a.db, claim.id)).toHaveLength(1);
  });

  it('merges edits made offline on two devices the same way on both: the later claim edit, every sighting judgement at its latest', async () => {
    const { hub, devices } = world(2);
    const [a, b] = devices as [ClaimDevice, ClaimDevice];
    for (const d of devices) await d.engine.start();
    const claim = await a.track('The bridge closed on Monday.', true);
    await convergeClaims(hub, devices);
    const [sighting] = await listSightings(b.db, claim.id);
    a.area.online = false;
    b.area.online = false;
    a.clock += 10;
    b.clock += 20;
    await editTrackedClaim(a.db, { id: claim.id, statement: 'Edited on A.' }, a.ctx);
    await editTrackedClaim(b.db, { id: claim.id, statement: 'Edited on B.' }, b.ctx);
    a.clock += 30;
    await judgeSighting(a.db, { id: sighting!.id, stance: 'conflicts' }, a.ctx);
    await a.engine.flush();
    await b.engine.flush();
    a.area.online = true;
    b.area.online = true;
    await convergeClaims(hub, devices);
    for (const d of devices) {
      expect((await d.claim(claim.id))?.statement).toBe('Edited on B.');
      expect((await listSightings(d.db, claim.id))[0]?.stance).toBe('conflicts');
    }
    expect((await a.claim(claim.id))?.modified).toBe((await b.claim(claim.id))?.modified);
  });

  it('keeps claims that do not fit their share on this device, says how many, and syncs them once there is room', async () => {
    const { hub, devices } = world(2, { share: 1_000 });
    const [a, b] = devices as [ClaimDevice, ClaimDevice];
    for (const d of devices) await d.engine.start();
    const first = await a.track('The first claim, tracked first.');
    a.clock += 5;
    const second = await a.track('The second claim, tracked later.');
    await convergeClaims(hub, devices);
    // 652 bytes each: only the latest fits 1,000.
    expect(a.engine.status()).toMatchObject({ overQuota: 1, error: null });
    expect(await b.claim(second.id)).toBeDefined();
    expect(await b.claim(first.id)).toBeUndefined();
    expect((await a.claim(first.id))?.statement).toBe('The first claim, tracked first.');
    a.clock += 5;
    await deleteTrackedClaim(a.db, second.id, a.ctx);
    await convergeClaims(hub, devices);
    expect(a.engine.status().overQuota).toBe(0);
    expect((await b.claim(first.id))?.statement).toBe('The first claim, tracked first.');
    expect(areaClaims(hub).size).toBe(2);
  });

  it('says when the area itself is full, and loses nothing', async () => {
    const { hub, devices } = world(1, { limits: { QUOTA_BYTES: 4_000 } });
    const [a] = devices as [ClaimDevice];
    await a.engine.start();
    await a.area.set({ other: 'x'.repeat(1_500) }); // another collection's items: 652 bytes more do not fit the 1,952 left
    await a.track('The bridge closed on Monday.', true);
    await convergeClaims(hub, devices);
    expect(a.engine.status().overQuota).toBe(1);
    expect(await a.db.claims.count()).toBe(1);
  });
});

describe('tracked claims beside other items in the area', () => {
  it('reads no claim when only other items change, unless a claim is waiting for room, which it then takes', async () => {
    const hub = new FakeSyncHub(true);
    // 4,000 bytes less the 2,048 kept for settings: room for one claim (652 bytes), not beside the filler.
    const area = hub.area({ limits: { QUOTA_BYTES: 4_000 } });
    const device = new ClaimDevice('A', hub, { area, limits: { QUOTA_BYTES: 4_000 } });
    open.push(device);
    const reads = vi.spyOn(device.collection.local, 'read');
    await device.engine.start();
    await settleClaims([device]);
    const before = reads.mock.calls.length;
    await area.set({ 'n:someone-elses': { c: 1 }, paintSettings: { mode: 'all' } });
    await settleClaims([device]);
    expect(reads.mock.calls.length).toBe(before);

    await area.set({ filler: 'x'.repeat(1_500) });
    const claim = await device.track('The bridge closed on Monday.');
    await device.engine.flush();
    await settleClaims([device]);
    expect(device.engine.status().overQuota).toBe(1);
    await area.remove('filler'); // another collection frees room
    await settleClaims([device]);
    expect(area.data.has(headKeyIn(CLAIM_KEYS, claim.id))).toBe(true);
    expect(device.engine.status().overQuota).toBe(0);
  });
});
