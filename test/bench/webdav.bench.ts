/**
 * WebDAV sync against Debian's Apache on the loopback address (test/support/webdav), encrypted:
 * the first sync of 10,000 notes (one device uploading, another downloading), and an incremental
 * sync of 10 edited notes, as requests, bytes sent and received, and time, for libraries of 1,000
 * and 10,000 notes side by side: what an incremental sync costs must not grow with the library.
 */
import { DavClient } from '@/lib/webdav/client';
import { setupLibrary } from '@/lib/webdav/library';
import { davDevice, noteId, type DavDevice } from '../lib/webdav/support/devices';
import { DAV_PASSWORD, DAV_USER, startDavServer } from '../support/webdav/server';

type Figures = { ms: number; requests: number; sent: number; received: number };

async function measure(device: DavDevice): Promise<Figures> {
  const before = { ...device.client.stats };
  const t = performance.now();
  await device.engine.sync();
  const ms = performance.now() - t;
  const status = device.engine.status();
  if (status.error || status.pending) throw new Error(`sync did not finish: ${JSON.stringify(status)}`);
  const s = device.client.stats;
  return { ms, requests: s.requests - before.requests, sent: s.sent - before.sent, received: s.received - before.received };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const show = (what: string, f: Figures) =>
  console.log(`${what.padEnd(52)} ${(f.ms / 1000).toFixed(2).padStart(7)} s ${String(f.requests).padStart(6)} requests  sent ${kb(f.sent).padStart(11)}  received ${kb(f.received).padStart(11)}`);

export default async function run(): Promise<void> {
  const server = await startDavServer();
  try {
    for (const size of [1_000, 10_000]) {
      const folder = `notes`;
      const url = `${server.folder(folder)}lib-${size}/`;
      const account = { url, username: DAV_USER, password: DAV_PASSWORD, fetch: ((...a: Parameters<typeof fetch>) => fetch(...a)) as typeof fetch };
      await new DavClient(account).mkcol('');
      const a = davDevice('bench-a', account, await setupLibrary(new DavClient(account), 'bench passphrase'), 'engine');
      const b = davDevice('bench-b', account, await setupLibrary(new DavClient(account), 'bench passphrase'), 'engine');
      for (let i = 0; i < size; i++) a.write(noteId(i), `Note ${i}: a reader's thought on the story, about as long as most notes are.`);
      console.log(`\nlibrary of ${size.toLocaleString('en')} notes`);
      show('first sync, upload (device A)', await measure(a));
      show('first sync, download (device B)', await measure(b));
      for (let i = 0; i < 10; i++) a.write(noteId(i * 97), `Edited note ${i}`);
      await new Promise((r) => setTimeout(r, 1_100)); // past Apache's one-second weak ETags
      show('incremental, 10 edited notes, upload (A)', await measure(a));
      await new Promise((r) => setTimeout(r, 1_100));
      show('incremental, 10 edited notes, download (B)', await measure(b));
      show('nothing changed (B)', await measure(b));
      if ([...b.texts()].some(([id, text]) => a.texts().get(id) !== text)) throw new Error('the devices differ');
    }
  } finally {
    await server.close();
  }
}
