import type { ClaimDatabase } from '../claims/schema';
import { buildClaimIndex, type ClaimIndex } from '../matcher/index';
import { matchText } from '../matcher/match';
import type { ClaimMatch } from '../matcher/schema';
import type { BlockMatch } from './page-schema';
import { errorMessage } from '../error-message';

/** How many blocks' matches the background remembers (a few MB at most). */
const REMEMBERED_BLOCKS = 4000;

/**
 * Finds the database's claims in blocks of page text, for the content scripts of every tab. The
 * index is built on first use and then shared by all tabs for the life of the background, and the
 * matches of recent blocks are remembered, so that a reload, a back navigation or the same article
 * in a second tab costs no matching.
 */
export class BlockMatcher {
  private index: ClaimIndex | undefined;
  private readonly remembered = new Map<string, ClaimMatch[]>();

  constructor(
    private readonly loadDatabase: () => ClaimDatabase,
    private readonly capacity = REMEMBERED_BLOCKS,
  ) {}

  /** Every claim stated in each block, with offsets into that block. */
  match(blocks: readonly string[]): BlockMatch[] {
    return blocks.flatMap((text, block) => this.matchBlock(text).map((m) => ({ ...m, block })));
  }

  private matchBlock(text: string): ClaimMatch[] {
    const known = this.remembered.get(text);
    if (known) {
      // Least recently used first out: a hit moves to the end.
      this.remembered.delete(text);
      this.remembered.set(text, known);
      return known;
    }
    this.index ??= buildClaimIndex(this.loadDatabase());
    let found: ClaimMatch[];
    try {
      found = matchText(this.index, text);
    } catch (error) {
      // One bad block loses its own matches only, and is remembered so it is logged once.
      console.warn(`Crosscheck could not match a block of ${text.length} characters, and skips it: ${errorMessage(error)}`);
      found = [];
    }
    this.remembered.set(text, found);
    if (this.remembered.size > this.capacity) this.remembered.delete(this.remembered.keys().next().value!);
    return found;
  }
}
