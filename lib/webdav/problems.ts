import { errorMessage } from '../error-message';

/**
 * What can go wrong talking to a WebDAV server, each in the reader's words: the test-connection
 * button and the status line say exactly which, and what to do about it.
 */

/** The kinds of failure, by cause. */
export type DavProblem =
  | 'dns' | 'tls' | 'refused' | 'network' | 'timeout'
  | 'auth' | 'forbidden' | 'not-found' | 'not-dav' | 'conflict' | 'precondition' | 'full'
  | 'server' | 'too-large' | 'unexpected';

/** A failed WebDAV request or a server answer that cannot be used. */
export class DavError extends Error {
  constructor(readonly problem: DavProblem, detail: string, readonly status?: number) {
    super(detail);
    this.name = 'DavError';
  }
}

const WORDS: Record<DavProblem, string> = {
  dns: 'The server’s name could not be found (DNS). Check the address in the folder URL.',
  tls: 'A secure connection (TLS) could not be made: the server’s certificate is not valid for this address, or it does not speak https on this port.',
  refused: 'The server refused the connection: nothing is listening at this address and port.',
  network: 'The server could not be reached (no network, a wrong name, or a certificate the browser does not trust).',
  timeout: 'The server did not answer within 30 seconds.',
  auth: 'The server refused the user name or app password (401).',
  forbidden: 'The server does not let this account write here (403). Check the folder and its sharing rights.',
  'not-found': 'The folder does not exist on the server (404). Create it first, or check the URL.',
  'not-dav': 'This URL does not accept WebDAV requests (405). For Nextcloud it looks like https://cloud.example/remote.php/dav/files/USER/Crosscheck/.',
  conflict: 'The server could not create the file because a folder on its path is missing (409).',
  precondition: 'Another device changed the same file at the same time (412).',
  full: 'The server has no room left for your notes (507: the disk or your quota is full).',
  server: 'The server failed to answer the request.',
  'too-large': 'The server sent more data than a Crosscheck file can hold.',
  unexpected: 'The server answered in a way Crosscheck does not understand.',
};

/** The sentence for a problem. */
export const describeProblem = (problem: DavProblem): string => WORDS[problem];

/** The reader's sentence for any error from WebDAV sync, with the server's detail where it helps. */
export function describeDavError(err: unknown): string {
  if (err instanceof DavError) {
    const status = err.status && !/\(\d{3}\)/.test(WORDS[err.problem]) ? ` (HTTP ${err.status})` : '';
    return `${WORDS[err.problem]}${status}`;
  }
  return errorMessage(err);
}

/** The problem a status code means. */
export function statusProblem(status: number, name: string): DavError {
  const problem: DavProblem =
    status === 401 ? 'auth'
    : status === 403 ? 'forbidden'
    : status === 404 ? 'not-found'
    : status === 405 || status === 501 ? 'not-dav'
    : status === 409 ? 'conflict'
    : status === 412 ? 'precondition'
    : status === 507 || status === 413 ? 'full'
    : status >= 500 ? 'server'
    : 'unexpected';
  return new DavError(problem, `${name || 'the folder'}: HTTP ${status}`, status);
}

/**
 * The problem behind a failed fetch. Browsers give only "Failed to fetch" (the cause is hidden
 * from pages); Node and some browsers name it, in the error or its cause.
 */
export function networkProblem(err: unknown, url: string): DavError {
  const cause = (err as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  const text = `${errorMessage(err)} ${cause?.code ?? ''} ${cause?.message ?? ''}`;
  if ((err as { name?: string } | undefined)?.name === 'TimeoutError' || /timed? ?out|ETIMEDOUT|UND_ERR_CONNECT_TIMEOUT/i.test(text)) return new DavError('timeout', `${url}: ${text}`);
  if (/ENOTFOUND|EAI_AGAIN|NAME_NOT_RESOLVED|UNKNOWN_HOST/i.test(text)) return new DavError('dns', `${url}: ${text}`);
  if (/ECONNREFUSED|CONNECTION_REFUSED/i.test(text)) return new DavError('refused', `${url}: ${text}`);
  if (/CERT|SSL|TLS|EPROTO|SEC_ERROR|wrong version number/i.test(text)) return new DavError('tls', `${url}: ${text}`);
  return new DavError('network', `${url}: ${text}`);
}
