import { browser } from 'wxt/browser';
import { hash64 } from '../claims/reader-ids';
import { decodeLexicon, Lexicon } from '../matcher';

/** The matcher's lexicon and a key of its bytes (an index stored with another lexicon is stale). */
export type LoadedLexicon = { lexicon: Lexicon; key: string };

/**
 * Reads the matcher's lexicon from the extension's own files (`public/matcher/lexicon.bin`: a fetch
 * of the extension's origin, not the network).
 */
export async function loadExtensionLexicon(): Promise<LoadedLexicon> {
  const response = await fetch(browser.runtime.getURL('/matcher/lexicon.bin'));
  if (!response.ok) throw new Error(`Crosscheck's lexicon could not be read (${response.status})`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  // The lexicon changes only with the extension: its version, length and a sample of its bytes say
  // which one it is (hashing all 3 MB at every start would cost more than it tells).
  const sample = Array.from(bytes.subarray(0, 4096)).join(',') + Array.from(bytes.subarray(-4096)).join(',');
  const key = `${browser.runtime.getManifest().version}-${bytes.length}-${hash64(sample)}`;
  return { lexicon: new Lexicon(decodeLexicon(bytes)), key };
}
