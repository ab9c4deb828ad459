import { DavClient, type DavAccount } from './client';
import { describeDavError, DavError } from './problems';

/**
 * The options page's *Test connection*: can this device reach the folder, sign in, and write
 * there? Each step's failure is named exactly (name lookup, TLS, 401, 403, 404, 405, 507...). The
 * write is a small probe file, created and removed again; nothing else is touched.
 */

/** What the test found: ok, or the step that failed and the reader's sentence for it. */
export type ConnectionResult = { ok: true; message: string } | { ok: false; step: 'reach' | 'write'; problem: string; message: string };

/** Runs the test against `account` (fetching with `fetchFn`, the platform's by default). */
export async function testConnection(account: DavAccount, fetchFn?: typeof fetch): Promise<ConnectionResult> {
  const client = new DavClient(account, fetchFn);
  const fail = (step: 'reach' | 'write', err: unknown): ConnectionResult => ({
    ok: false,
    step,
    problem: err instanceof DavError ? err.problem : 'unexpected',
    message: describeDavError(err),
  });
  try {
    await client.propfind('', 0, 1_000_000);
  } catch (err) {
    return fail('reach', err);
  }
  const probe = `crosscheck-probe-${crypto.randomUUID()}`;
  try {
    await client.put(probe, new TextEncoder().encode('Crosscheck checks it may write here; this file is removed at once.'), 'text/plain', { ifNoneMatch: '*' });
  } catch (err) {
    return fail('write', err);
  }
  await client.delete(probe).catch(() => undefined);
  return { ok: true, message: 'Connected: Crosscheck can read and write this folder.' };
}
