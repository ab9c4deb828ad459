import type { ClaimMatch } from '../matcher/schema';
import type { BlockMatcher } from './block-matcher';
import { toWire } from './block-matcher';
import { FairQueue } from './fair-queue';
import { keyOf, lookAhead, type UnitAnswer, type WireMatch } from './wire';

/** How many of the claims' statements warm the matcher up: about 150 ms of a restarted worker's time. */
const WARM_UP_SENTENCES = 40;

/**
 * What the background does for content scripts with units of page text, apart from the messaging
 * (pages-background.ts registers it on the routes): which units it knows, matching new ones fairly
 * between tabs, and a page's claims put together from its units. `origin` is always the sender's.
 */
export class BlockService {
  private warming: Promise<void> | undefined;
  /** Whether a page has asked about its text in this worker: the warm-up then stops (see warmUp). */
  private asked = false;

  constructor(
    readonly matcher: BlockMatcher,
    private readonly queue = new FairQueue(),
  ) {}

  /** The matches of the units it knows, by key; null for the others. */
  lookup(origin: string, keys: readonly string[]): (WireMatch[] | null)[] {
    return keys.map((key) => this.matcher.known(origin, key)?.map(toWire) ?? null);
  }

  /**
   * Matches units of text, each in `lane`'s turn (its tab), a first screen's before other work. A
   * unit without `context` is matched with the start of the next unit as its look-ahead. A unit
   * with claims comes back with its key, which the page reports it by: the page need not hash it.
   */
  async match(origin: string, lane: string | number, units: readonly { text: string; context?: string }[], first: boolean): Promise<UnitAnswer[]> {
    this.pageAsked();
    // A page's first question carries no text: its answer (the site's settings) must not wait for a cold worker's index.
    if (units.length === 0) return [];
    await this.matcher.ready();
    return Promise.all(
      units.map((unit, i) => {
        const next = units[i + 1];
        const context = unit.context ?? (next ? lookAhead(next.text) : '');
        return this.queue.run(lane, first, () => {
          const key = keyOf(unit.text, context);
          const matches = this.matcher.match(origin, unit.text, context, key).map(toWire);
          return matches.length > 0 ? { matches, key } : { matches };
        });
      }),
    );
  }

  /**
   * Warms the matcher's code up, once per worker, while no page's text waits. A worker started
   * again after an idle stop runs the matcher unoptimised at first: it matched a page's first
   * screen 3–4 times slower than a warm worker. A page starts the worker as it starts loading, so
   * that while it loads, the worker matches a few of the claims' own statements, one task each,
   * and stops as soon as a page asks about its text: in Chromium, the reads that answer it (its
   * site's settings, its notes) waited for the whole warm-up, and the page's own matching warms
   * the code as well.
   */
  warmUp(): Promise<void> {
    this.warming ??= this.runWarmUp();
    return this.warming;
  }

  /** A page asks about its text (its first question is answered only after some reads): the warm-up stops. */
  pageAsked(): void {
    this.asked = true;
  }

  private async runWarmUp(): Promise<void> {
    await this.matcher.ready();
    for (const text of this.matcher.samples(WARM_UP_SENTENCES)) {
      if (this.asked) return;
      await this.queue.whenIdle(() => this.matcher.rehearse(text));
    }
  }

  /** A page's claims in page order, from its units with claims (key, and start in the page's text), and the keys it no longer knows. */
  claimsOf(origin: string, units: readonly { key: string; start: number }[]): { claims: ClaimMatch[]; missing: string[] } {
    const missing: string[] = [];
    const claims: ClaimMatch[] = [];
    for (const { key, start } of units) {
      const matches = this.matcher.known(origin, key);
      if (!matches) missing.push(key);
      else for (const m of matches) claims.push({ ...m, start: m.start + start, end: m.end + start });
    }
    return { claims, missing };
  }
}
