import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConnection } from '@/lib/webdav/connection-test';
import { setupLibrary } from '@/lib/webdav/library';
import { DavClient } from '@/lib/webdav/client';
import { DAV_PASSWORD, DAV_USER, freePort, startDavServer, type DavServer } from '../../support/webdav/server';
import { davDevice, noteId } from './support/devices';

// The client, the library and the engine against a real server: Debian's Apache with mod_dav_fs
// on the loopback address (test/support/webdav/apache.conf), which gives no ETag on PUT and weak
// ETags for a second after each write, as many servers do.

let server: DavServer;
let closedPort = 0;
beforeAll(async () => {
  server = await startDavServer();
  closedPort = await freePort();
});
afterAll(async () => {
  await server?.close();
});

const account = (folder: string, password = DAV_PASSWORD) => ({ url: server.folder(folder), username: DAV_USER, password });
const withFetch = (a: ReturnType<typeof account>) => ({ ...a, fetch: (async (...args: Parameters<typeof fetch>) => { const r = await fetch(...args); if (process.env.DAVLOG) console.log(Date.now() % 100000, (args[1] as RequestInit).method, String(args[0]).slice(-40), JSON.stringify((args[1] as RequestInit).headers).slice(0, 120), r.status, r.headers.get('etag')); return r; }) as typeof fetch });

describe('Test connection names what failed', () => {
  it('passes on a writable folder and leaves nothing behind', async () => {
    const result = await testConnection(account('notes'));
    expect(result).toMatchObject({ ok: true });
    expect((await server.files('notes')).size).toBe(0);
  });

  it.each([
    ['a wrong app password', () => account('notes', 'wrong'), 'reach', 'auth', /401/],
    ['a folder that does not exist', () => account('missing'), 'reach', 'not-found', /404/],
    ['a URL that is not WebDAV', () => account('plain'), 'reach', 'not-dav', /405/],
    ['a read-only folder', () => account('readonly'), 'write', 'forbidden', /403/],
    ['a full disk', () => account('full'), 'write', 'full', /507/],
    ['a name that does not resolve', () => ({ ...account('notes'), url: 'http://crosscheck-test.invalid/dav/' }), 'reach', 'dns', /DNS/],
    ['a closed port', () => ({ ...account('notes'), url: `http://127.0.0.1:${closedPort}/dav/` }), 'reach', 'refused', /refused/],
    ['https to a server speaking plain http', () => ({ ...account('notes'), url: server.folder('notes').replace('http:', 'https:') }), 'reach', 'tls', /TLS/],
  ])('%s', async (_what, make, step, problem, words) => {
    if (problem === 'full') await server.fill();
    const result = await testConnection(make());
    expect(result).toMatchObject({ ok: false, step, problem });
    expect(result.message).toMatch(words);
  });
});

// Two key derivations, real requests and Apache's one-second ETag window: slow on a busy machine.
describe('Sync through Apache', { timeout: 60_000 }, () => {
  it('two devices sync 60 encrypted notes, and the server holds no note text', async () => {
    const a0 = withFetch(account('notes'));
    const library = await setupLibrary(new DavClient(a0), 'a long passphrase');
    const a = davDevice('apache-a', a0, library, 'engine');
    const b = davDevice('apache-b', a0, await setupLibrary(new DavClient(a0), 'a long passphrase'), 'engine');
    for (let i = 0; i < 60; i++) a.write(noteId(i), `secret text number ${i}`);
    await a.engine.sync();
    expect(a.engine.status()).toMatchObject({ error: null, pending: 0 });
    await b.engine.sync();
    expect(b.engine.status()).toMatchObject({ error: null, pending: 0 });
    expect(b.texts()).toEqual(a.texts());
    const stored = [...(await server.files('notes')).values()].map((f) => f.toString('latin1')).join('');
    expect(stored).not.toMatch(/secret text|news\.example|quoted words/);

    // Both edit the same note within Apache's one-second weak-ETag window: both texts survive.
    a.write(noteId(1), 'edited on a');
    b.write(noteId(1), 'edited on b');
    await a.engine.sync();
    await b.engine.sync();
    await a.engine.sync();
    expect([a.engine.status().error, b.engine.status().error]).toEqual([null, null]);
    const note = a.store.notes.get(noteId(1))!;
    const texts = [note.body.text, ...note.conflicts.map((c) => c.text)].sort();
    expect(texts).toEqual(['edited on a', 'edited on b']);
    expect(b.store.notes.get(noteId(1))).toEqual(note);
  });
});
