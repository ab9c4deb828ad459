/**
 * An in-memory WebDAV server for unit tests, as a `fetch` function: GET, PUT, MKCOL, PROPFIND
 * with basic auth, strong ETags, If-Match / If-None-Match (412), 304, a quota (507), and faults a
 * test arms: the next request matching a method and name fails with a status, or as the network
 * does (server down), before or after the server has acted on it.
 */

type Stored = { body: Uint8Array; etag: string };

/** A fault: which request (method and a name part), and how it fails. */
export type DavFault = {
  method?: string;
  path?: string | RegExp;
  /** An HTTP status to answer instead, or 'down' for a network failure. */
  fail: number | 'down';
  /** 'after': the server did the write, then the connection dropped before the answer. */
  when?: 'before' | 'after';
  /** How many matching requests fail (default 1). */
  times?: number;
};

export class FakeDav {
  readonly files = new Map<string, Stored>();
  readonly dirs = new Set<string>(['/dav/', '/dav/lib/']);
  readonly log: { method: string; path: string; status: number; sent: number }[] = [];
  private faults: (DavFault & { left: number })[] = [];
  private counter = 0;
  /** Bytes the files may take in all; a PUT past it gets 507. */
  quota = Infinity;
  /** Answer PUT with the new ETag (Nextcloud does; Apache does not). */
  etagOnPut = false;
  down = false;

  constructor(readonly user = 'reader', public password = 'app-password') {}

  /** The library folder's URL. */
  readonly url = 'https://dav.example/dav/lib/';

  arm(fault: DavFault): void {
    this.faults.push({ ...fault, left: fault.times ?? 1 });
  }

  /** Fails the `n`th request from now (1: the next one), whatever it is. */
  failNth(n: number, fail: number | 'down', when: 'before' | 'after' = 'before'): void {
    this.nth = { n, fail, when };
  }
  private nth: { n: number; fail: number | 'down'; when: 'before' | 'after' } | undefined;

  /** Every byte stored, as text (to look for plaintext). */
  allText(): string {
    return [...this.files.values()].map((f) => new TextDecoder().decode(f.body)).join('\n');
  }

  private used(): number {
    return [...this.files.values()].reduce((n, f) => n + f.body.length, 0);
  }

  private takeFault(method: string, path: string): DavFault | undefined {
    const f = this.faults.find((x) => (!x.method || x.method === method) && (!x.path || (typeof x.path === 'string' ? path.includes(x.path) : x.path.test(path))));
    if (!f) return undefined;
    if (--f.left <= 0) this.faults = this.faults.filter((x) => x !== f);
    return f;
  }

  readonly fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    const method = init.method ?? 'GET';
    const path = decodeURIComponent(url.pathname);
    const headers = new Headers(init.headers);
    const body = init.body ? new Uint8Array(init.body as ArrayBuffer) : new Uint8Array();
    if (this.down) throw new TypeError('Failed to fetch', { cause: { code: 'ECONNREFUSED' } });
    let fault = this.takeFault(method, path);
    if (this.nth && --this.nth.n === 0) {
      fault = this.nth;
      this.nth = undefined;
    }
    if (fault && fault.when !== 'after') {
      if (fault.fail === 'down') throw new TypeError('Failed to fetch');
      return this.answer(method, path, fault.fail, body.length);
    }
    const res = this.handle(method, path, headers, body);
    if (fault?.fail === 'down') throw new TypeError('Failed to fetch');
    this.log.push({ method, path, status: res.status, sent: body.length });
    return res;
  };

  private answer(method: string, path: string, status: number, sent: number, body: BodyInit | null = null, headers: Record<string, string> = {}): Response {
    this.log.push({ method, path, status, sent });
    return new Response(status === 204 || status === 304 ? null : body, { status, headers });
  }

  private handle(method: string, path: string, headers: Headers, body: Uint8Array): Response {
    const auth = headers.get('authorization');
    if (auth !== `Basic ${btoa(`${this.user}:${this.password}`)}`) return new Response('no', { status: 401 });
    const file = this.files.get(path);
    const parent = path.replace(/[^/]+\/?$/, '');
    if (method === 'GET') {
      if (!file) return new Response('not found', { status: 404 });
      if (headers.get('if-none-match') === file.etag) return new Response(null, { status: 304, headers: { ETag: file.etag } });
      return new Response(file.body.slice(), { status: 200, headers: { ETag: file.etag, 'Content-Length': String(file.body.length) } });
    }
    if (method === 'PUT') {
      if (!this.dirs.has(parent)) return new Response('no parent', { status: 409 });
      const ifMatch = headers.get('if-match');
      const ifNone = headers.get('if-none-match');
      if ((ifMatch && ifMatch !== file?.etag) || (ifNone === '*' && file)) return new Response('changed', { status: 412 });
      if (this.used() - (file?.body.length ?? 0) + body.length > this.quota) return new Response('full', { status: 507 });
      const etag = `"${++this.counter}"`;
      this.files.set(path, { body: body.slice(), etag });
      return new Response(null, { status: file ? 204 : 201, headers: this.etagOnPut ? { ETag: etag } : {} });
    }
    if (method === 'MKCOL') {
      if (this.dirs.has(path)) return new Response('exists', { status: 405 });
      if (!this.dirs.has(parent)) return new Response('no parent', { status: 409 });
      this.dirs.add(path);
      return new Response(null, { status: 201 });
    }
    if (method === 'PROPFIND') {
      if (!this.dirs.has(path)) return new Response('not found', { status: 404 });
      const members = [...this.files].filter(([p]) => p.startsWith(path) && !p.slice(path.length).includes('/'));
      const responses = [`<D:response><D:href>${path}</D:href><D:propstat><D:prop><D:resourcetype><D:collection/></D:resourcetype></D:prop></D:propstat></D:response>`]
        .concat(members.map(([p, f]) => `<D:response><D:href>${encodeURI(p)}</D:href><D:propstat><D:prop><D:getetag>${f.etag}</D:getetag><D:resourcetype/></D:prop></D:propstat></D:response>`));
      return new Response(`<?xml version="1.0"?><D:multistatus xmlns:D="DAV:">${responses.join('')}</D:multistatus>`, { status: 207 });
    }
    return new Response('no', { status: 405 });
  }
}
