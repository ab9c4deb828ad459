import type { ClaimDatabase } from '../claims/schema';
import { entryTerms, type ClaimIndex } from './claim-index';
import type { Lexicon } from './lexicon';
import { Tokenizer } from './tokens';

/**
 * A claim index as plain data, to keep in IndexedDB and read back when the background wakes,
 * instead of building it again (a 100,000-claim index takes seconds to build, a moment to read).
 * Neither the lexicon's part nor the claims themselves are kept: both are joined again on restore.
 */
export type StoredIndex = Omit<ClaimIndex, 'tokenizer' | 'termIds' | 'termOfEntry' | 'source' | 'read'> & {
  /** What the index was built from: a stored index whose key differs is stale. */
  key: string;
};

/** The index as data, under the key of what it was built from (the database's and the lexicon's). */
export function storeIndex(index: ClaimIndex, key: string): StoredIndex {
  const { tokenizer: _tokenizer, termIds: _termIds, termOfEntry: _termOfEntry, source: _source, read: _read, ...data } = index;
  return { ...data, key };
}

/** The index again, joined to the lexicon it was built with and the database's claims (the same, in the same order). */
export function restoreIndex(stored: StoredIndex, lexicon: Lexicon, claims: ClaimDatabase['claims']): ClaimIndex {
  const { key: _key, ...data } = stored;
  if (claims.length !== stored.ids.length) throw new Error('The stored claim index is of another database');
  return {
    ...data,
    ratedFalse: data.ratedFalse ?? new Map(), // stored before fact-checks were indexed
    tokenizer: new Tokenizer(lexicon),
    termIds: new Map(stored.terms.map((t, i) => [t, i])),
    termOfEntry: entryTerms(lexicon, stored.terms),
    source: claims,
    read: new Map(),
  };
}
