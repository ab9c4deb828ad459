import { readLexicon } from '@/lib/cli/lexicon-file';
import type { ClaimDatabase } from '@/lib/claims/schema';
import { buildClaimIndex } from '@/lib/matcher/claim-index';
import { matchText } from '@/lib/matcher/match';
import type { ClaimMatch } from '@/lib/matcher/schema';

/** The matcher as the extension and the CLI run it, over one database. */
export function loadMatcher(db: ClaimDatabase): (text: string) => ClaimMatch[] {
  const index = buildClaimIndex(db, readLexicon());
  return (text) => matchText(index, text);
}
