import { errorMessage } from '../error-message';
import { matchText, matchWithLookAhead, type ClaimIndex } from '../matcher';
import type { ClaimMatch } from '../matcher/schema';
import { ByteLru } from './byte-lru';
import { keyOf, type WireMatch } from './wire';

/** How much memory the remembered matches may take: they are short, so this holds a great many pages. */
const BUDGET_BYTES = 8 * 1024 * 1024;

/** About what an entry costs in memory: its key and its matches (UTF-16 strings, object overhead). */
function sizeOf(key: string, matches: ClaimMatch[]): number {
  let bytes = 64 + 2 * key.length;
  for (const m of matches) bytes += 160 + 2 * (m.text.length + m.claimId.length) + (m.differs ? 200 * m.differs.length : 0);
  return bytes;
}

/** A match without its text, as it travels back to the page. */
export const toWire = ({ text: _text, ...match }: ClaimMatch): WireMatch => match;

/**
 * Finds the database's claims in units of page text for the content scripts of every tab. The index
 * is made on first use and shared by all tabs for the life of the background; the matches of recent
 * units are remembered (bounded in bytes) under their keys, so that a reload, a back navigation or
 * the same article in a second tab costs no matching. What is remembered is kept apart per origin
 * (`partition`): a page can ask only about units pages of its own origin showed.
 */
export class BlockMatcher {
  private index: ClaimIndex | undefined;
  private loading: Promise<void> | undefined;
  private readonly remembered: ByteLru<ClaimMatch[]>;

  constructor(
    private readonly loadIndex: () => Promise<ClaimIndex>,
    budgetBytes = BUDGET_BYTES,
  ) {
    this.remembered = new ByteLru(budgetBytes, sizeOf);
  }

  /** Makes the index on first use (and again after a load that failed); `match` needs it made. */
  ready(): Promise<void> {
    this.loading ??= this.loadIndex().then(
      (index) => {
        this.index = index;
      },
      (error: unknown) => {
        this.loading = undefined;
        throw error;
      },
    );
    return this.loading;
  }

  /** Whether it has an index to match with. */
  get isReady(): boolean {
    return this.index !== undefined;
  }

  /**
   * Matches against another index from now on (the claims changed): what was remembered was found
   * with the old one, so it is forgotten.
   */
  use(index: ClaimIndex): void {
    this.index = index;
    this.loading = Promise.resolve();
    this.remembered.clear();
  }

  /** Up to `count` of the claims' statements, as sample text: each reaches its claim, so matching it runs every step. */
  samples(count: number): string[] {
    return this.index?.source.slice(0, count).map((claim) => claim.statement) ?? [];
  }

  /** Matches a text and keeps nothing: it runs the matcher's code, for V8 to optimise (see BlockService.warmUp). */
  rehearse(text: string): void {
    if (this.index) matchText(this.index, text);
  }

  /** Bytes the remembered matches hold now. */
  get rememberedBytes(): number {
    return this.remembered.bytes;
  }

  /** The remembered matches of a unit, by key (undefined: not matched, or forgotten). */
  known(partition: string, key: string): ClaimMatch[] | undefined {
    return this.remembered.get(`${partition} ${key}`);
  }

  /**
   * Every claim stated in `text` (offsets into it), read with `context` after it as look-ahead; the
   * look-ahead's own matches are left out. A unit whose matching fails loses its own matches only,
   * and is remembered, so that the failure is logged once. `unitKey` is keyOf(text, context), when
   * the caller has made it already.
   */
  match(partition: string, text: string, context: string, unitKey = keyOf(text, context)): ClaimMatch[] {
    const key = `${partition} ${unitKey}`;
    const known = this.remembered.get(key);
    if (known) return known;
    if (!this.index) throw new Error('BlockMatcher.match was called before ready()');
    let found: ClaimMatch[];
    try {
      found = matchWithLookAhead(this.index, text, context);
    } catch (error) {
      console.warn(`Crosscheck could not match a block of ${text.length} characters, and skips it: ${errorMessage(error)}`);
      found = [];
    }
    this.remembered.set(key, found);
    return found;
  }
}
