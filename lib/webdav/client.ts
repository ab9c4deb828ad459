import { DavError, networkProblem, statusProblem } from './problems';

/**
 * A small WebDAV client over `fetch`: GET, PUT, MKCOL and PROPFIND on names inside the reader's
 * folder, with basic auth, conditional headers and a size limit on every answer (what a server
 * sends is untrusted: a body larger than the caller expects is refused, not read). Every failure
 * is a `DavError` whose `problem` says in words what happened. It counts requests and bytes.
 */

/** Where the library lives and how to sign in. */
export type DavAccount = { url: string; username: string; password: string };

/** What a GET found. ETags are kept in their strong form (see `strongEtag`). */
export type DavGet = { status: 200; body: Uint8Array; etag: string | null } | { status: 304 | 404 };

/** Requests and bytes this client has sent and received. */
export type DavStats = { requests: number; sent: number; received: number };

/** Conditions for a PUT: replace only this version, or create only. */
export type PutCondition = { ifMatch: string } | { ifNoneMatch: '*' } | Record<string, never>;

const TIMEOUT_MS = 30_000;
const utf8 = new TextEncoder();

/** The folder URL with exactly one trailing slash, so names resolve inside it. */
export const folderUrl = (url: string): string => url.replace(/\/*$/, '/');

/**
 * Apache marks an ETag weak for a second after each write, then compares If-Match strongly, so
 * the weak form never matches; the strong form matches once the second has passed.
 */
export const strongEtag = (etag: string | null): string | null => (etag ? etag.replace(/^W\//, '') : null);

/** Reads at most `limit` bytes of a body; a longer one is refused unread. */
async function readLimited(res: Response, limit: number, what: string): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > limit) throw new DavError('too-large', `${what} is ${declared} bytes, more than the ${limit} expected`);
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new DavError('too-large', `${what} is more than the ${limit} bytes expected`);
    }
    parts.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The client; `fetchFn` is the platform's `fetch` unless a test passes another. */
export class DavClient {
  readonly stats: DavStats = { requests: 0, sent: 0, received: 0 };
  private readonly base: string;
  private readonly auth: string;

  constructor(account: DavAccount, private readonly fetchFn: typeof fetch = (...a) => fetch(...a)) {
    this.base = folderUrl(account.url);
    const pair = utf8.encode(`${account.username}:${account.password}`);
    this.auth = `Basic ${btoa(String.fromCharCode(...pair))}`;
  }

  /** The absolute URL of a name inside the folder. */
  urlOf(name: string): string {
    return new URL(name, this.base).href;
  }

  /** GET `name`; 304 when `ifNoneMatch` still matches, 404 when absent. */
  async get(name: string, limit: number, ifNoneMatch?: string | null): Promise<DavGet> {
    const res = await this.send('GET', name, ifNoneMatch ? { 'If-None-Match': ifNoneMatch } : {});
    if (res.status === 304 || res.status === 404) {
      await res.body?.cancel().catch(() => undefined);
      return { status: res.status };
    }
    await this.expect(res, [200], name);
    const body = await readLimited(res, limit, name);
    this.stats.received += body.length;
    return { status: 200, body, etag: strongEtag(res.headers.get('etag')) };
  }

  /** PUT `name`; resolves with the new ETag when the server says it (Apache does not). */
  async put(name: string, body: Uint8Array, contentType: string, condition: PutCondition = {}): Promise<string | null> {
    const headers: Record<string, string> = { 'Content-Type': contentType };
    if ('ifMatch' in condition) headers['If-Match'] = condition.ifMatch;
    if ('ifNoneMatch' in condition) headers['If-None-Match'] = condition.ifNoneMatch;
    const res = await this.send('PUT', name, headers, body);
    await this.expect(res, [200, 201, 204], name);
    await res.body?.cancel().catch(() => undefined);
    return strongEtag(res.headers.get('etag'));
  }

  /** DELETE `name` (absent already counts as deleted). */
  async delete(name: string): Promise<void> {
    const res = await this.send('DELETE', name, {});
    await res.body?.cancel().catch(() => undefined);
    if (res.status !== 404) await this.expect(res, [200, 204], name);
  }

  /** MKCOL `name`: true when created, false when it was already there. */
  async mkcol(name: string): Promise<boolean> {
    const res = await this.send('MKCOL', name, {});
    await res.body?.cancel().catch(() => undefined);
    if (res.status === 405) return false; // RFC 4918: the collection exists
    await this.expect(res, [201], name);
    return true;
  }

  /** PROPFIND `name` for ETags, at `depth`; the multistatus XML, at most `limit` bytes. */
  async propfind(name: string, depth: 0 | 1, limit: number): Promise<string> {
    const xml = '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/><d:resourcetype/></d:prop></d:propfind>';
    const res = await this.send('PROPFIND', name, { Depth: String(depth), 'Content-Type': 'application/xml; charset=utf-8' }, utf8.encode(xml));
    await this.expect(res, [207], name);
    const body = await readLimited(res, limit, `the listing of ${name || 'the folder'}`);
    this.stats.received += body.length;
    return new TextDecoder().decode(body);
  }

  private async send(method: string, name: string, headers: Record<string, string>, body?: Uint8Array): Promise<Response> {
    this.stats.requests++;
    this.stats.sent += body?.length ?? 0;
    try {
      return await this.fetchFn(this.urlOf(name), {
        method,
        headers: { ...headers, Authorization: this.auth },
        ...(body ? { body: body.slice().buffer } : {}),
        credentials: 'omit',
        cache: 'no-store',
        // A redirect could carry the request (and the reader's password) elsewhere: refuse it.
        redirect: 'error',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (err) {
      throw networkProblem(err, this.urlOf(name));
    }
  }

  private async expect(res: Response, ok: number[], name: string): Promise<void> {
    if (ok.includes(res.status)) return;
    await res.body?.cancel().catch(() => undefined);
    throw statusProblem(res.status, name);
  }
}
