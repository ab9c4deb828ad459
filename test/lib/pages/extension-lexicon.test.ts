import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LEXICON_FILE } from '@/lib/cli/lexicon-file';
import { loadExtensionLexicon } from '@/lib/pages/extension-lexicon';
import { openWorkerCache, type LexiconCache } from '@/lib/pages/worker-cache';

const packaged = new Uint8Array(readFileSync(LEXICON_FILE));
let databases = 0;
/** A real cache (IndexedDB, as the worker's) under a name of its own per test. */
const freshCache = () => openWorkerCache(`worker-cache-test-${databases++}`).lexicon;

/** The packaged file, counting how often it is read. */
function packagedFile() {
  const read = vi.fn(async () => packaged.slice());
  return read;
}

afterEach(() => vi.restoreAllMocks());

describe('loadExtensionLexicon', () => {
  it('reads the packaged file once, and the kept copy at the next start', async () => {
    const cache = freshCache();
    const fetchBytes = packagedFile();
    const first = await loadExtensionLexicon({ key: 'build-1', cache, fetchBytes });
    expect(first.key).toBe('build-1');
    await vi.waitFor(async () => expect(await cache.get('build-1')).toBeDefined());

    const again = await loadExtensionLexicon({ key: 'build-1', cache, fetchBytes });
    expect(fetchBytes).toHaveBeenCalledTimes(1);
    expect(again.lexicon.size).toBe(first.lexicon.size);
    expect(again.lexicon.lemmaOf('troops')).toBe('troop');
  });

  it("never takes another build's copy for this one's: the packaged file is read and replaces it", async () => {
    const cache = freshCache();
    await cache.put('build-1', packaged.subarray(0, 1000));
    const fetchBytes = packagedFile();
    const loaded = await loadExtensionLexicon({ key: 'build-2', cache, fetchBytes });
    expect(fetchBytes).toHaveBeenCalledTimes(1);
    expect(loaded.lexicon.lemmaOf('troops')).toBe('troop');
    await vi.waitFor(async () => expect((await cache.get('build-2'))?.length).toBe(packaged.length));
    expect(await cache.get('build-1')).toBeUndefined();
  });

  it('reads the packaged file when the kept copy is damaged, and keeps a good one again', async () => {
    const cache = freshCache();
    const damaged = packaged.slice(0, packaged.length - 8);
    await cache.put('build-1', damaged);
    const fetchBytes = packagedFile();
    const loaded = await loadExtensionLexicon({ key: 'build-1', cache, fetchBytes });
    expect(fetchBytes).toHaveBeenCalledTimes(1);
    expect(loaded.lexicon.lemmaOf('flew')).toBe('fly');
    await vi.waitFor(async () => expect((await cache.get('build-1'))?.length).toBe(packaged.length));
  });

  it('loads from the packaged file when the cache can neither read nor keep, and says so once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const broken: LexiconCache = { get: () => Promise.reject(new Error('QuotaExceededError')), put: () => Promise.reject(new Error('QuotaExceededError')) };
    const loaded = await loadExtensionLexicon({ key: 'build-1', cache: broken, fetchBytes: packagedFile() });
    expect(loaded.lexicon.lemmaOf('troops')).toBe('troop');
    await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(1));
    expect(String(warn.mock.calls[0]![0])).toContain('could not keep its lexicon');
  });

  it('fails plainly when the packaged file cannot be read and nothing is kept', async () => {
    const fetchBytes = vi.fn(() => Promise.reject(new Error("Crosscheck's lexicon could not be read (404)")));
    await expect(loadExtensionLexicon({ key: 'build-1', cache: freshCache(), fetchBytes })).rejects.toThrow('could not be read (404)');
  });
});
