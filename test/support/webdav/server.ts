import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Debian's Apache httpd as a WebDAV server for tests and the benchmark, started as an ordinary
 * process on the loopback address from `apache.conf` beside this file, with its own folder of
 * data; `stop()` ends it (and `start()` brings it back on the same port and data, for the
 * "server stopped halfway" test). Folders: `notes/` (writable), `full/` (a 256 KiB filesystem
 * that fills up, so writes get 507), `readonly/` (403 on writes).
 */

export const APACHE = process.env.APACHE_PATH ?? '/usr/sbin/apache2';
const CONF = resolve(import.meta.dirname, 'apache.conf');
export const DAV_USER = 'reader';
export const DAV_PASSWORD = 'app-password-123';

export type DavServer = {
  origin: string;
  /** The URL of a folder (`notes`, `full`, `readonly`), with a trailing slash. */
  folder(name: string): string;
  /** Where the data lives on disk (to read what the server stores). */
  dataDir: string;
  /** Every file under a folder, with its bytes. */
  files(name: string): Promise<Map<string, Buffer>>;
  /** Whether `full/` is a real small filesystem (else Apache answers its writes with 507). */
  realFullDisk: boolean;
  /** Fills `full/` to its last byte. */
  fill(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Stops the server and removes its data. */
  close(): Promise<void>;
};

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => ok(port));
    });
    srv.on('error', fail);
  });
}

async function waitForPort(port: number, up: boolean): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const open = await fetch(`http://127.0.0.1:${port}/`).then(() => true, () => false);
    if (open === up) return;
    if (Date.now() > deadline) throw new Error(`Apache did not ${up ? 'start' : 'stop'} on port ${port}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts Apache with a fresh data folder. Throws, saying how to install it, when it is missing. */
export async function startDavServer(): Promise<DavServer> {
  if (!existsSync(APACHE)) throw new Error(`Apache httpd not found at ${APACHE}. Install it with \`sudo apt-get install -y apache2\` (or set APACHE_PATH).`);
  const dir = await mkdtemp(join(tmpdir(), 'crosscheck-dav-'));
  const dataDir = join(dir, 'data');
  for (const f of ['notes', 'full', 'readonly']) await mkdir(join(dataDir, f), { recursive: true });
  await mkdir(join(dir, 'plain'));
  const root = process.getuid?.() === 0;
  // A real full disk where this process may mount one (root in CI), else Apache's 507 rule.
  const realFullDisk = root && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', join(dataDir, 'full')]).status === 0;
  const sha = createHash('sha1').update(DAV_PASSWORD).digest('base64');
  await writeFile(join(dir, 'users'), `${DAV_USER}:{SHA}${sha}\n`);
  const user = root ? 'www-data' : (process.env.USER ?? 'nobody');
  if (root) {
    const { uid, gid } = idOf(user);
    for (const p of [dir, dataDir, join(dataDir, 'notes'), join(dataDir, 'full'), join(dataDir, 'readonly')]) await chown(p, uid, gid);
  }
  await chmod(dir, 0o755);
  const port = await freePort();
  const env = { ...process.env, CC_DAV_DIR: dir, CC_DAV_PORT: String(port), CC_DAV_USER: user };
  let child: ChildProcess | undefined;
  const server: DavServer = {
    origin: `http://127.0.0.1:${port}`,
    folder: (name) => (name === 'plain' ? `http://127.0.0.1:${port}/plain/` : `http://127.0.0.1:${port}/dav/${name}/`),
    dataDir,
    realFullDisk,
    async files(name) {
      const out = new Map<string, Buffer>();
      const walk = async (sub: string) => {
        for (const e of await readdir(join(dataDir, name, sub), { withFileTypes: true })) {
          const rel = join(sub, e.name);
          if (e.isDirectory()) await walk(rel);
          else out.set(rel, await readFile(join(dataDir, name, rel)));
        }
      };
      await walk('');
      return out;
    },
    async fill() {
      // Writes what fits, then the disk says it is full.
      await writeFile(join(dataDir, 'full', 'filler'), Buffer.alloc(realFullDisk ? 1024 * 1024 : 1)).catch(() => undefined);
    },
    async start() {
      const args = ['-f', CONF, '-DFOREGROUND', ...(realFullDisk ? [] : ['-DCC_DAV_FAKE_FULL'])];
      child = spawn(APACHE, args, { env, stdio: ['ignore', 'inherit', 'inherit'] });
      await waitForPort(port, true);
    },
    async stop() {
      if (!child) return;
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM'); // Apache's graceful stop of the process it started
      await exited;
      child = undefined;
      await waitForPort(port, false);
    },
    async close() {
      await server.stop();
      if (realFullDisk) spawnSync('umount', [join(dataDir, 'full')]);
      await rm(dir, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}

function idOf(user: string): { uid: number; gid: number } {
  const uid = Number(spawnSync('id', ['-u', user]).stdout.toString().trim());
  const gid = Number(spawnSync('id', ['-g', user]).stdout.toString().trim());
  return { uid, gid };
}
