import { describe, expect, it } from 'vitest';
import { DecryptError, deriveKeyBytes, importKey, open, seal } from '@/lib/webdav/crypto';
import { appendToIndex, LOG_LENGTH, logIds } from '@/lib/webdav/layout';
import { networkProblem, statusProblem } from '@/lib/webdav/problems';
import { parseListing } from '@/lib/webdav/propfind';
import { noteId } from './support/devices';

describe('crypto', () => {
  it('seals under a name: the same key and name open it; another name, key or a changed byte do not', async () => {
    const salt = new Uint8Array(16).fill(7);
    const key = await importKey(await deriveKeyBytes('passphrase one', salt, 600_000));
    const other = await importKey(await deriveKeyBytes('passphrase two', salt, 600_000));
    const sealed = await seal(key, 'notes/a', new TextEncoder().encode('secret'));
    expect(new TextDecoder().decode(await open(key, 'notes/a', sealed))).toBe('secret');
    await expect(open(key, 'notes/b', sealed)).rejects.toBeInstanceOf(DecryptError);
    await expect(open(other, 'notes/a', sealed)).rejects.toBeInstanceOf(DecryptError);
    const changed = sealed.slice();
    changed[20]! ^= 1;
    await expect(open(key, 'notes/a', changed)).rejects.toBeInstanceOf(DecryptError);
  });
});

describe('layout', () => {
  it('the index log keeps its last entries with their sequence numbers', () => {
    let index = appendToIndex(null, [noteId(1), noteId(2)]);
    expect(logIds(index)).toEqual([[1, noteId(1)], [2, noteId(2)]]);
    index = appendToIndex(index, Array.from({ length: LOG_LENGTH }, (_, i) => noteId(i + 10)));
    expect(index.seq).toBe(LOG_LENGTH + 2);
    expect(index.log).toHaveLength(LOG_LENGTH);
    expect(logIds(index)[0]).toEqual([3, noteId(10)]);
  });
});

describe('propfind and problems', () => {
  it('reads any namespace prefix, escaped hrefs and weak ETags', () => {
    const xml = `<multistatus xmlns="DAV:"><response><href>/f/notes/</href><propstat><prop><resourcetype><collection/></resourcetype></prop></propstat></response>
      <d:response><d:href>/f/notes/a%20b&amp;c</d:href><d:propstat><d:prop><d:getetag>W/"12-ab"</d:getetag></d:prop></d:propstat></d:response></multistatus>`;
    expect(parseListing(xml)).toEqual([
      { name: 'notes', etag: null, collection: true },
      { name: 'a b&c', etag: '"12-ab"', collection: false },
    ]);
  });

  it('names each status and network failure', () => {
    expect([401, 403, 404, 405, 409, 412, 507, 500].map((s) => statusProblem(s, 'x').problem)).toEqual(['auth', 'forbidden', 'not-found', 'not-dav', 'conflict', 'precondition', 'full', 'server']);
    const net = (code: string) => networkProblem(new TypeError('fetch failed', { cause: { code } }), 'u').problem;
    expect([net('ENOTFOUND'), net('ECONNREFUSED'), net('ERR_SSL_WRONG_VERSION_NUMBER'), net('ERR_CERT_AUTHORITY_INVALID'), net('?')]).toEqual(['dns', 'refused', 'tls', 'tls', 'network']);
  });
});
