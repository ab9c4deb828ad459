import { browser } from 'wxt/browser';
import { getBundledClaimDatabase } from '../claims/bundled';
import { buildClaimIndex, decodeLexicon, Lexicon, type ClaimIndex } from '../matcher';

/**
 * The claim index of the bundled database, with the matcher's lexicon read from the extension's own
 * files (`public/matcher/lexicon.bin`: a fetch of the extension's origin, not the network).
 */
export async function loadBundledIndex(): Promise<ClaimIndex> {
  const response = await fetch(browser.runtime.getURL('/matcher/lexicon.bin'));
  if (!response.ok) throw new Error(`Crosscheck's lexicon could not be read (${response.status})`);
  const lexicon = new Lexicon(decodeLexicon(new Uint8Array(await response.arrayBuffer())));
  return buildClaimIndex(getBundledClaimDatabase(), lexicon);
}
