import { browser } from 'wxt/browser';
import { hash64 } from '../claims/reader-ids';
import { errorMessage } from '../error-message';
import { decodeLexicon, Lexicon } from '../matcher';
import { openWorkerCache, type LexiconCache } from './worker-cache';

/** The matcher's lexicon and a key of its bytes (an index stored with another lexicon is stale). */
export type LoadedLexicon = { lexicon: Lexicon; key: string };

declare const __CROSSCHECK_LEXICON_KEY__: string | undefined;
/** A hash of the packaged lexicon, made when WXT builds the extension (wxt.config.ts); elsewhere none, and nothing is kept. */
const BUILD_KEY = typeof __CROSSCHECK_LEXICON_KEY__ === 'string' ? __CROSSCHECK_LEXICON_KEY__ : undefined;

export type LexiconSources = {
  /** Which lexicon the extension packs; without one, nothing is kept and the file is read each time. */
  key?: string;
  cache?: LexiconCache;
  /** The packaged file's bytes. */
  fetchBytes?: () => Promise<Uint8Array>;
};

/** The packaged file (`public/matcher/lexicon.bin`): a fetch of the extension's own origin, not the network. */
async function fetchPackaged(): Promise<Uint8Array> {
  const response = await fetch(browser.runtime.getURL('/matcher/lexicon.bin'));
  if (!response.ok) throw new Error(`Crosscheck's lexicon could not be read (${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Without a build key: the version, length and a sample of the bytes say which lexicon it is (hashing all of it would cost more than it tells). */
function sampleKey(bytes: Uint8Array): string {
  const sample = Array.from(bytes.subarray(0, 4096)).join(',') + Array.from(bytes.subarray(-4096)).join(',');
  return `${browser.runtime.getManifest().version}-${bytes.length}-${hash64(sample)}`;
}

/**
 * Reads the matcher's lexicon: the copy kept from an earlier start when it is this build's, else
 * the packaged file, which is then kept. A kept copy that cannot be read or decoded is only a
 * slower start: the packaged file is read instead, and replaces it.
 */
export async function loadExtensionLexicon({ key = BUILD_KEY, cache, fetchBytes = fetchPackaged }: LexiconSources = {}): Promise<LoadedLexicon> {
  if (!key) {
    const bytes = await fetchBytes();
    return { lexicon: new Lexicon(decodeLexicon(bytes)), key: sampleKey(bytes) };
  }
  const kept = cache ?? openWorkerCache().lexicon;
  // A kept copy that cannot be read or decoded is only a slower start.
  const fromKept = await kept
    .get(key)
    .then((bytes) => bytes && new Lexicon(decodeLexicon(bytes)))
    .catch(() => undefined);
  if (fromKept) return { lexicon: fromKept, key };
  const bytes = await fetchBytes();
  const lexicon = new Lexicon(decodeLexicon(bytes));
  void kept.put(key, bytes).catch((error: unknown) => {
    console.warn(`Crosscheck could not keep its lexicon for the next start: ${errorMessage(error)}`);
  });
  return { lexicon, key };
}
