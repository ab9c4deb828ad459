import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { openWorkerCache, type CachedClaims } from '@/lib/pages/worker-cache';
import { storeIndex } from '@/lib/matcher/index-store';
import { bundledIndex } from '../../support/bundled-index';

const entry = (): CachedClaims => ({ key: 'lexicon-1 db-1 rev-1', reader: { version: 1, sources: [], claims: [], assertions: [], relations: [] } as never, index: storeIndex(bundledIndex(), 'lexicon-1 db-1 rev-1') });

describe('openWorkerCache', () => {
  it('upgrades the index cache of earlier versions in place: what it kept is still there, and the lexicon is kept beside it', async () => {
    const name = 'worker-cache-upgrade';
    const before = new Dexie(name);
    before.version(1).stores({ entries: 'id' });
    await before.table('entries').put({ ...entry(), id: 'claims' });
    before.close();

    const cache = openWorkerCache(name);
    expect((await cache.claims.get('lexicon-1 db-1 rev-1'))?.index.ids.length).toBe(bundledIndex().ids.length);
    expect(await cache.claims.get('lexicon-2 db-1 rev-1')).toBeUndefined();
    await cache.lexicon.put('lexicon-1', Uint8Array.from([1, 2, 3]));
    expect(await cache.lexicon.get('lexicon-1')).toEqual(Uint8Array.from([1, 2, 3]));
    expect(await cache.lexicon.get('lexicon-2')).toBeUndefined();
  });

  it('is opened once per database, so that a starting worker opens one connection', () => {
    expect(openWorkerCache('worker-cache-once')).toBe(openWorkerCache('worker-cache-once'));
  });
});
