import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** The demo site's folder: realistic news pages built from the fixture articles. */
export const PAGES_DIR = resolve(import.meta.dirname, '../fixtures/pages');

export type StaticServer = { origin: string; close(): Promise<void> };

/**
 * Serves a folder on 127.0.0.1 at a free port, for the demo and the end-to-end tests. Only files
 * inside the folder are served; `/` is `article-a.html`.
 */
export async function serveFolder(root = PAGES_DIR, port = 0): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === '/favicon.ico') {
      response.writeHead(204).end(); // browsers ask for it; a 404 would be a console error
      return;
    }
    const file = normalize(join(root, path === '/' ? 'article-a.html' : decodeURIComponent(path)));
    if (!file.startsWith(root)) {
      response.writeHead(403).end('Forbidden');
      return;
    }
    readFile(file).then(
      (body) => response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found'),
    );
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The demo server has no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
