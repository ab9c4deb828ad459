import type { ClaimDatabase } from '../claims/schema';
import { buildClaimIndex, type ClaimIndex } from '../matcher/index';
import { matchText } from '../matcher/match';
import type { BlockMatch } from './page-schema';

/**
 * Finds the database's claims in blocks of page text, for the content scripts of every tab. The
 * index is built on first use and then shared by all tabs for the life of the background.
 */
export class BlockMatcher {
  private index: ClaimIndex | undefined;

  constructor(private readonly loadDatabase: () => ClaimDatabase) {}

  /** Every claim stated in each block, with offsets into that block. */
  match(blocks: readonly string[]): BlockMatch[] {
    this.index ??= buildClaimIndex(this.loadDatabase());
    const index = this.index;
    return blocks.flatMap((text, block) =>
      matchText(index, text).map(({ claimId, start, end, text: sentence, stance, score, differs }) => ({
        block,
        claimId,
        start,
        end,
        text: sentence,
        stance,
        score,
        ...(differs ? { differs } : {}),
      })),
    );
  }
}
