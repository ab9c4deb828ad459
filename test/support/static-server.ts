import { createServer, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { renderSite } from './fixture-pages';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

export type StaticServer = { origin: string; close(): Promise<void> };

/** Longest a response may be held (`?delay=`). */
const MAX_DELAY_MS = 10_000;

/**
 * Serves a folder on 127.0.0.1 at a free port, or by default the demo site (the fixture pages,
 * rendered once here), for the demo and the end-to-end tests. Only files inside the folder are
 * served; `/` is `article-a.html`. `?delay=MS` holds a response that long (a slow image, say).
 */
export async function serveFolder(root?: string, port = 0): Promise<StaticServer> {
  const site = root === undefined ? renderSite() : undefined;
  const read = async (name: string): Promise<string | Buffer> => {
    if (root !== undefined) return readFile(join(root, name));
    const page = site?.get(name);
    if (page === undefined) throw new Error(`No page ${name}`);
    return page;
  };
  const respond = (path: string, response: ServerResponse) => {
    if (path === '/favicon.ico') {
      response.writeHead(204).end(); // browsers ask for it; a 404 would be a console error
      return;
    }
    const file = normalize(path === '/' ? 'article-a.html' : decodeURIComponent(path).slice(1));
    if (file === '..' || file.startsWith('../') || file.startsWith('/')) {
      response.writeHead(403).end('Forbidden');
      return;
    }
    read(file).then(
      (body) => response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found'),
    );
  };
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const delay = Math.min(MAX_DELAY_MS, Number(url.searchParams.get('delay')) || 0);
    setTimeout(() => respond(url.pathname, response), delay);
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The demo server has no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
