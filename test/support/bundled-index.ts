import { readLexicon } from '@/lib/cli/lexicon-file';
import { getBundledClaimDatabase } from '@/lib/claims/bundled';
import { buildClaimIndex, type ClaimIndex } from '@/lib/matcher/claim-index';

let index: ClaimIndex | undefined;

/** The bundled database's claim index with the shipped lexicon, read from disk once per test file. */
export function bundledIndex(): ClaimIndex {
  index ??= buildClaimIndex(getBundledClaimDatabase(), readLexicon());
  return index;
}
