import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openReaderClaimsDb, type ReaderClaimsDb } from '@/lib/claims/reader-db';
import { deleteTrackedClaim, editTrackedClaim, listSightings, addSighting, trackClaim } from '@/lib/claims/reader-store';
import { MemoryStateStore } from '@/lib/webdav/state';
import { claimDraft, sightingDraft } from '../claims/reader-fixtures';
import { FakeDav } from './support/fake-dav';
import { davDevice, fakeAccount, joinLibrary } from './support/devices';

/** The reader's tracked claims through the WebDAV folder (a fake server), beside the notes. */

const dbs: ReaderClaimsDb[] = [];
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((db) => (db.close(), Dexie.delete(db.name))));
});

let clock = 1_700_000_000_000;
const ctx = { now: () => (clock += 1_000) };

async function twoDevices(passphrase: string | null = 'correct horse') {
  const dav = new FakeDav();
  const account = fakeAccount(dav);
  const device = async (id: string) => {
    const db = openReaderClaimsDb(`dav-claims-${id}-${crypto.randomUUID()}`);
    dbs.push(db);
    const d = davDevice(id, account, await joinLibrary(account, passphrase), 'none', { claims: { db: () => db, state: new MemoryStateStore() } });
    return { ...d, db };
  };
  return { dav, a: await device('device-a'), b: await device('device-b') };
}

describe('tracked claims through a WebDAV folder', () => {
  it('brings a claim and its sighting to the other device, sealed on the server; a delete follows', async () => {
    const { dav, a, b } = await twoDevices();
    const claim = await trackClaim(a.db, claimDraft({ statement: 'The bridge closed on Monday.' }), ctx);
    await addSighting(a.db, sightingDraft(claim.id), ctx);
    await a.engine.sync();
    expect(a.engine.status().error).toBeNull();
    expect([...dav.files.keys()]).toContain(`/dav/lib/claims/${claim.id}`);
    expect(dav.allText()).not.toContain('bridge closed');
    await b.engine.sync();
    expect(b.engine.status().error).toBeNull();
    expect((await b.db.claims.get(claim.id))?.statement).toBe('The bridge closed on Monday.');
    expect((await listSightings(b.db, claim.id)).map((s) => s.page.outlet)).toEqual(['The Gazette']);

    await deleteTrackedClaim(b.db, claim.id, ctx);
    await b.engine.sync();
    await a.engine.sync();
    expect(await a.db.claims.get(claim.id)).toMatchObject({ deleted: true, statement: 'The bridge closed on Monday.' });
    // Nothing changed since: a sync writes no claim.
    const puts = dav.log.filter((r) => r.method === 'PUT').length;
    await a.engine.sync();
    expect(dav.log.filter((r) => r.method === 'PUT').length).toBe(puts);
  });

  it('merges edits made on both devices: the refused write reads the claim again, and both end with the later edit', async () => {
    const { dav, a, b } = await twoDevices(null);
    const claim = await trackClaim(a.db, claimDraft(), ctx);
    await a.engine.sync();
    await b.engine.sync();
    await editTrackedClaim(a.db, { id: claim.id, statement: 'Edited on A.' }, ctx);
    await editTrackedClaim(b.db, { id: claim.id, statement: 'Edited on B, later.' }, ctx);
    await a.engine.sync();
    // B reads A's edit and merges it (B's is later); another device writes between that read and B's write.
    dav.arm({ method: 'PUT', path: claim.id, fail: 412 });
    await b.engine.sync(); // refused: it reads the claim again, merges, and writes its own
    const forClaim = dav.log.filter((r) => r.path.endsWith(claim.id)).slice(-3).map((r) => `${r.method} ${r.status}`);
    expect(forClaim).toEqual(['PUT 412', 'GET 200', 'PUT 204']);
    await a.engine.sync();
    for (const d of [a, b]) expect((await d.db.claims.get(claim.id))?.statement).toBe('Edited on B, later.');
  });

  it('names a claim object it cannot read, merges the others, and replaces it with this device’s', async () => {
    const { dav, a, b } = await twoDevices(null);
    const good = await trackClaim(a.db, claimDraft({ statement: 'A good claim.' }), ctx);
    const spoilt = await trackClaim(a.db, claimDraft({ statement: 'A claim spoilt on the server.' }), ctx);
    await a.engine.sync();
    const path = `/dav/lib/claims/${spoilt.id}`;
    dav.files.set(path, { ...dav.files.get(path)!, body: new TextEncoder().encode(JSON.stringify({ i: spoilt.id, r: { c: { statement: 5 }, s: 'x' } })), etag: '"spoilt"' });
    await b.engine.sync();
    expect(b.engine.status().error).toMatch(new RegExp(`tracked claim ${spoilt.id} on the server could not be read`));
    expect((await b.db.claims.get(good.id))?.statement).toBe('A good claim.');
    expect(await b.db.claims.get(spoilt.id)).toBeUndefined();
    await a.engine.sync(); // a's copy goes over the unreadable one
    await b.engine.sync();
    expect((await b.db.claims.get(spoilt.id))?.statement).toBe('A claim spoilt on the server.');
    expect(b.engine.status().error).toBeNull();
  });
});
