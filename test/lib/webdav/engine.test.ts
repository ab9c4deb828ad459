import { describe, expect, it } from 'vitest';
import { FakeDav } from './support/fake-dav';
import { davDevice, fakeAccount, joinLibrary, noteId } from './support/devices';

describe('WebDAV sync over a fake server', () => {
  it('syncs two devices to the same notes', async () => {
    const dav = new FakeDav();
    const account = fakeAccount(dav);
    const library = await joinLibrary(account, 'correct horse');
    const a = davDevice('device-a', account, library);
    const b = davDevice('device-b', account, await joinLibrary(account, 'correct horse'));
    for (let i = 0; i < 20; i++) a.write(noteId(i), `note ${i} from a`);
    await a.engine.sync();
    expect(a.engine.status().error).toBeNull();
    await b.engine.sync();
    expect(b.engine.status().error).toBeNull();
    expect(b.texts()).toEqual(a.texts());
    expect(dav.allText()).not.toContain('from a');
  });
});

/** Every text a device holds for each note (body and conflicts), for "nothing lost" checks. */
const allTexts = (d: ReturnType<typeof davDevice>) =>
  new Map([...d.store.notes.values()].map((n) => [n.id, [n.body.text, ...n.conflicts.map((c) => c.text)].sort().join(' | ')]));

async function twoDevices(passphrase: string | null = 'correct horse') {
  const dav = new FakeDav();
  const account = fakeAccount(dav);
  const a = davDevice('device-a', account, await joinLibrary(account, passphrase));
  const b = davDevice('device-b', account, await joinLibrary(account, passphrase));
  return { dav, account, a, b };
}

describe('WebDAV sync: conflicts, failures and hostile servers', () => {
  it('a write that loses to another device (412) reads the note again, merges, and keeps both texts', async () => {
    const { dav, a, b } = await twoDevices();
    a.write(noteId(1), 'original');
    await a.engine.sync();
    await b.engine.sync();
    a.write(noteId(1), 'edit on a');
    b.write(noteId(1), 'edit on b');
    await a.engine.sync();
    // Another device writes the note between b's read and b's write: b's write is refused.
    dav.arm({ method: 'PUT', path: noteId(1), fail: 412 });
    await b.engine.sync();
    const forNote = dav.log.filter((r) => r.path.endsWith(noteId(1))).slice(-3).map((r) => `${r.method} ${r.status}`);
    expect(forNote).toEqual(['PUT 412', 'GET 200', 'PUT 204']); // refused, read again and merged, written
    await a.engine.sync();
    expect(allTexts(a).get(noteId(1))).toBe('edit on a | edit on b');
    expect(allTexts(b)).toEqual(allTexts(a));
  });

  it('a failure at any request of a sync loses nothing, and the next sync completes it', async () => {
    // Count the requests of one representative sync, then fail each of them in turn.
    const probe = await twoDevices();
    for (let i = 0; i < 6; i++) probe.a.write(noteId(i), `a ${i}`);
    await probe.a.engine.sync();
    probe.a.write(noteId(0), 'a again');
    probe.a.remove(noteId(1));
    probe.b.write(noteId(9), 'b 9');
    const start = probe.dav.log.length;
    await probe.a.engine.sync();
    const steps = probe.dav.log.length - start;
    expect(steps).toBeGreaterThan(5);
    for (let step = 1; step <= steps; step++) {
      for (const fail of ['down', 500, 507] as const) {
        for (const when of ['before', 'after'] as const) {
          if (when === 'after' && fail !== 'down') continue;
          const { dav, a, b } = await twoDevices(null);
          for (let i = 0; i < 6; i++) a.write(noteId(i), `a ${i}`);
          await a.engine.sync();
          await b.engine.sync();
          a.write(noteId(0), 'a again');
          a.remove(noteId(1));
          b.write(noteId(2), 'b edits 2');
          b.write(noteId(9), 'b 9');
          await b.engine.sync();
          dav.failNth(step, fail, when);
          await a.engine.sync();
          const what = `${fail} ${when} request ${step}`;
          expect(a.texts().get(noteId(0)), what).toBe('a again');
          for (const d of [a, b, a, b]) await d.engine.sync();
          expect(a.engine.status().error, what).toBeNull();
          expect(b.engine.status().pending, what).toBe(0);
          expect(allTexts(b), what).toEqual(allTexts(a));
          expect(allTexts(a).get(noteId(2)), what).toBe('b edits 2'); // b edited on top of a's
          expect(a.texts().has(noteId(1)), what).toBe(false);
          expect(b.texts().get(noteId(9)), what).toBe('b 9');
        }
      }
    }
  }, 120_000);

  it('a full server (507) and a refused password (401) are said in words, and the notes stay here', async () => {
    const { dav, a } = await twoDevices(null);
    dav.quota = 2_000;
    for (let i = 0; i < 20; i++) a.write(noteId(i), `note ${i} `.repeat(20));
    await a.engine.sync();
    expect(a.engine.status().error).toMatch(/no room left.*507.*safe on this device/);
    expect(a.engine.status().pending).toBeGreaterThan(0);
    expect(a.texts().size).toBe(20);
    dav.quota = Infinity;
    dav.password = 'changed';
    await a.engine.sync();
    expect(a.engine.status().error).toMatch(/user name or app password \(401\)/);
    dav.password = 'app-password';
    await a.engine.sync();
    expect(a.engine.status()).toMatchObject({ error: null, pending: 0 });
  });

  it('a wrong passphrase is refused before anything is read or written', async () => {
    const { dav, account } = await twoDevices();
    const writes = dav.log.filter((r) => r.method !== 'GET' && r.method !== 'PROPFIND').length;
    await expect(joinLibrary(account, 'not the passphrase')).rejects.toThrow(/Wrong passphrase.*Nothing was read or written/);
    await expect(joinLibrary(account, null)).rejects.toThrow(/encrypted notes: enter their passphrase/);
    expect(dav.log.filter((r) => r.method !== 'GET' && r.method !== 'PROPFIND').length).toBe(writes);
    expect(dav.log.filter((r) => r.path.includes('/notes/') && r.method === 'GET')).toEqual([]);
  });

  it('hostile contents (garbage, a swapped file, an oversized note, a bad index) are named, and nothing here is lost', async () => {
    const { dav, a, b } = await twoDevices();
    for (let i = 0; i < 4; i++) a.write(noteId(i), `kept ${i}`);
    await a.engine.sync();
    const files = dav.files;
    files.set(`/dav/lib/notes/${noteId(1)}`, { body: new TextEncoder().encode('{"not": "sealed"}'), etag: '"x1"' });
    files.set(`/dav/lib/notes/${noteId(2)}`, { ...files.get(`/dav/lib/notes/${noteId(3)}`)!, etag: '"x2"' }); // note 3's sealed bytes under note 2's name
    files.set(`/dav/lib/notes/${noteId(5)}`, { body: new Uint8Array(9 * 1024 * 1024), etag: '"x3"' });
    files.set('/dav/lib/crosscheck-index', { body: new TextEncoder().encode('garbage'), etag: '"x4"' });
    await b.engine.sync();
    expect(b.engine.status().error).toMatch(/could not be read/);
    expect(b.texts()).toEqual(new Map([[noteId(0), 'kept 0'], [noteId(3), 'kept 3']]));
    // Device a still holds its notes and writes them over what no device could read.
    await a.engine.sync();
    await b.engine.sync();
    expect(b.texts().get(noteId(1))).toBe('kept 1');
    expect(b.texts().get(noteId(2))).toBe('kept 2');
    expect(a.texts().size).toBe(4);
  });
});
