import { BLOCK_SEPARATOR, readPageText, type ReadOptions } from '../dom/page-text';
import { rangeFor } from '../dom/text-ranges';
import { paint, rangesAt } from '../dom/highlighter';
import type { BlockMatch, PageClaim } from '../pages/page-schema';
import { splitBlocks } from './blocks';
import { groupSpans, type ClaimSpan } from './spans';

/** A passage painted once (see groupSpans) and its live range. */
export type PaintedSpan = ClaimSpan & { range: Range };

/** A claim found on the page, the live range it was painted on, and the passage that range paints. */
export type FoundClaim = { claim: PageClaim; range: Range; span: PaintedSpan };

/** What the claims layer needs from the rest of the extension. */
export type ClaimsLayerDeps = {
  /** Matches blocks of text against the claim database (in the background). */
  match(blocks: string[]): Promise<BlockMatch[]>;
  /** Tells the background which claims the page states, in page order, and its length. */
  report(found: { claims: PageClaim[]; words: number }): Promise<void>;
  root: () => Element;
  read?: ReadOptions;
};

export const CORROBORATED = 'crosscheck-claim';
export const CONFLICTING = 'crosscheck-conflict';

function countWords(text: string): number {
  let words = 0;
  for (const _ of text.matchAll(/\S+/g)) words++;
  return words;
}

/** How much of the next block a block is matched with: enough for a byline or a closing clause. */
const CONTEXT_CHARS = 240;

/** Stops the block cache growing without bound on pages that stream new text forever. */
const CACHE_LIMIT = 5000;

/**
 * Finds the database's claims on the page and paints them. Each scan reads the page text again
 * (cheap) but sends to the matcher only the blocks it has not seen, so a rescan after a change
 * costs what changed; overlapping scans are coalesced into one more run.
 */
export class ClaimsLayer {
  private readonly cache = new Map<string, BlockMatch[]>();
  private found: FoundClaim[] = [];
  private spans: PaintedSpan[] = [];
  private lastReport = '';
  private words = 0;
  private running: Promise<void> | null = null;
  private again = false;

  constructor(private readonly deps: ClaimsLayerDeps) {}

  /** The claims found by the last scan, in page order. */
  get claims(): readonly FoundClaim[] {
    return this.found;
  }

  /** Scans the page (again); resolves when the highlights are painted. */
  scan(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.run().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        void this.scan();
      }
    });
    return this.running;
  }

  private async run(): Promise<void> {
    const page = readPageText(this.deps.root(), this.deps.read);
    const blocks = splitBlocks(page.text);
    this.words = countWords(page.text);
    // A claim may run over a block boundary (a tweet, then its byline), so each block is matched
    // with the start of the next one as context, keeping the matches that start in the block.
    const windows = blocks.map((b, i) => {
      const next = blocks[i + 1];
      return next && next.start === b.start + b.text.length + BLOCK_SEPARATOR.length
        ? b.text + BLOCK_SEPARATOR + next.text.slice(0, CONTEXT_CHARS)
        : b.text;
    });
    const unseen = [...new Set(windows.filter((w) => !this.cache.has(w)))];
    if (unseen.length > 0) {
      const matches = await this.deps.match(unseen);
      if (this.cache.size + unseen.length > CACHE_LIMIT) this.cache.clear();
      for (const text of unseen) this.cache.set(text, []);
      for (const m of matches) this.cache.get(unseen[m.block]!)?.push(m);
    }
    const found = blocks.flatMap((block, i) =>
      (this.cache.get(windows[i]!) ?? [])
        .filter((m) => m.start < block.text.length)
        .map(({ block: _b, ...match }) => ({ ...match, start: block.start + match.start, end: block.start + match.end })),
    );
    // One highlight per passage, however many claims it states.
    this.spans = groupSpans(found).flatMap((span) => {
      const range = rangeFor(page, span.start, span.end);
      return range ? [{ ...span, range }] : [];
    });
    this.found = this.spans.flatMap((span) => span.claims.map((claim) => ({ claim, range: span.range, span })));
    this.repaint();
    performance.mark('crosscheck:painted'); // read by `npm run bench`
    const claims = this.found.map((f) => f.claim);
    // Only what changed is reported (a page that rewrites its DOM without pause would flood the
    // background); a single-page navigation to the same text still reports its new URL.
    const report = JSON.stringify([location.href, this.words, claims]);
    if (report !== this.lastReport) {
      this.lastReport = report;
      await this.deps.report({ claims, words: this.words });
    }
  }

  /** Paints each passage once: agreeing and conflicting statements look different. */
  repaint(): void {
    paint(CORROBORATED, this.spans.filter((s) => s.stance === 'corroborates').map((s) => s.range));
    paint(CONFLICTING, this.spans.filter((s) => s.stance === 'conflicts').map((s) => s.range));
  }

  /** The passages painted under a point of the viewport. */
  at(x: number, y: number): PaintedSpan[] {
    return rangesAt(this.spans, x, y);
  }

  /** Removes every highlight and forgets what was found (Crosscheck turned off on this site). */
  async clear(): Promise<void> {
    this.found = [];
    this.spans = [];
    this.repaint();
    this.lastReport = '';
    await this.deps.report({ claims: [], words: this.words });
  }
}
