import type { BlockReader } from '../dom/block-reader';
import { afterLayout, onScreen } from '../dom/first-screen';
import { paint, rangesAt } from '../dom/highlighter';
import { BLOCK_SEPARATOR, type PageText } from '../dom/page-text';
import { Slice } from '../dom/yield';
import { MAX_BATCH_CHARS, MAX_BATCH_UNITS, MAX_KEYS, MAX_PAGE_CHARS, type WireMatch } from '../pages/wire';
import { ClaimPainting, type FoundClaim, type PaintedSpan } from './claim-painting';
import { keyUnits, unitsOf, type Unit } from './units';

export type { FoundClaim, PaintedSpan } from './claim-painting';

/** What the claims layer asks the background (see lib/pages/page-routes.ts). */
export type ClaimsLayerDeps = {
  reader: BlockReader;
  /**
   * Which of these units the background has matched already, and whether the site is on. `first`:
   * the page's first question (or the first after a single-page navigation).
   */
  lookup(keys: string[], first: boolean): Promise<{ enabled: boolean; known: (WireMatch[] | null)[] }>;
  /** Matches units of text; a unit without `context` is matched with the start of the next one sent. */
  match(units: { text: string; context?: string }[], first: boolean): Promise<WireMatch[][]>;
  /**
   * Tells the background which units carry the page's claims, where (only when it has claims, or
   * had); it answers with the keys it no longer knows.
   */
  report(page: { words: number; units: { key: string; start: number }[] }): Promise<{ missing: string[] }>;
  /** The blocks to match first (default: those on the first screen). */
  first?: (blocks: readonly PageText[]) => Set<PageText>;
};

export const CORROBORATED = 'crosscheck-claim';
export const CONFLICTING = 'crosscheck-conflict';

/** Units in requests the background accepts: at most MAX_BATCH_UNITS, and MAX_BATCH_CHARS of text. */
function batches(units: readonly Unit[]): Unit[][] {
  const out: Unit[][] = [];
  let chars = Infinity;
  for (const unit of units) {
    const size = unit.text.length + unit.context.length;
    if (chars + size > MAX_BATCH_CHARS || out.at(-1)!.length >= MAX_BATCH_UNITS) {
      out.push([]);
      chars = 0;
    }
    out.at(-1)!.push(unit);
    chars += size;
  }
  return out;
}

/**
 * A unit as it is sent: its look-ahead is left out when it is the start of the next unit sent (its
 * text travels once), or when there is none.
 */
function toWire(unit: Unit, i: number, batch: readonly Unit[]): { text: string; context?: string } {
  const next = batch[i + 1];
  return (next && unit.keyedBefore === next) || (!next && unit.context === '') ? { text: unit.text } : { text: unit.text, context: unit.context };
}

/** How many units' answers the page remembers between scans. */
const REMEMBERED = 20_000;
/** Unknown text up to this length is sent at once: only longer pages are worth a first screen of their own. */
const SMALL_PAGE_CHARS = 16_000;

/**
 * Finds the database's claims on the page and paints them. A scan reads again only what changed
 * (BlockReader), asks the background about units it does not know by their keys, sends the text
 * of the units no one has matched, the first screen first, and paints as the answers arrive. No
 * step runs long without giving the page its main thread back. Overlapping scans are coalesced.
 */
export class ClaimsLayer {
  private readonly known = new Map<string, WireMatch[]>();
  private readonly painting = new ClaimPainting();
  private enabled: boolean | null = null;
  private lastReport = '';
  private reported = false;
  private words = 0;
  private running: Promise<void> | null = null;
  private again = false;

  constructor(private readonly deps: ClaimsLayerDeps) {}

  /** The claims found, in page order, each with the passage it is painted in. */
  get claims(): readonly FoundClaim[] {
    return this.painting.claims;
  }

  /** The page's length in words, as the last scan read it. */
  get wordCount(): number {
    return this.words;
  }

  /** Whether the site is on, as the background last said (null before it has). */
  get isEnabled(): boolean | null {
    return this.enabled;
  }

  /** Scans the page (again); resolves when its highlights are painted and reported. */
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

  /** What changed in the page (from its MutationObserver), for the next scan to read again. */
  invalidate(records: Iterable<MutationRecord>): void {
    this.deps.reader.invalidate(records);
  }

  /** The passages painted under a point of the viewport. */
  at(x: number, y: number): PaintedSpan[] {
    return rangesAt(this.painting.spans, x, y);
  }

  /** A single-page navigation: the next scan asks the background about the new page first. */
  pageChanged(): void {
    if (this.enabled) this.enabled = null;
  }

  /** Turns the layer on (scanning again) or off (clearing everything, and saying so). */
  async setEnabled(on: boolean): Promise<void> {
    this.enabled = on ? null : false;
    if (on) return this.scan();
    this.painting.clear();
    this.repaint();
    this.lastReport = '';
    if (!this.reported) return;
    this.reported = false;
    await this.deps.report({ words: this.words, units: [] });
  }

  private async run(): Promise<void> {
    if (this.enabled === false) return;
    const blocks = await this.deps.reader.read();
    const slice = new Slice();
    const units = await this.unitsOf(blocks, slice);
    // Keys are hashed in slices: a long page's text is much to hash at once.
    for (let i = 0; i < units.length; i += 16) {
      keyUnits(units, i, i + 16);
      await slice.pause();
    }
    const unknown = [...new Set(units.filter((u) => !this.known.has(u.key)).map((u) => u.key))];
    if (this.enabled === null || unknown.length > 0) {
      for (let i = 0; i === 0 || i < unknown.length; i += MAX_KEYS) {
        const keys = unknown.slice(i, i + MAX_KEYS);
        const reply = await this.deps.lookup(keys, this.enabled === null);
        this.enabled = reply.enabled;
        if (!reply.enabled) return this.setEnabled(false);
        reply.known.forEach((matches, k) => matches && this.remember(keys[k]!, matches));
      }
    }
    this.paint(units);
    await this.matchUnknown(blocks, units, units.filter((u) => !this.known.has(u.key)), slice);
    await this.report(blocks, units);
  }

  /**
   * The units of the page's blocks, each told where it starts in the page's text, up to
   * MAX_PAGE_CHARS of text: a page longer than that is cut.
   */
  private async unitsOf(blocks: readonly PageText[], slice: Slice): Promise<Unit[]> {
    const units: Unit[] = [];
    let chars = 0;
    let at = 0;
    for (let i = 0; i < blocks.length; i++) {
      if (i % 64 === 63) await slice.pause();
      const block = blocks[i]!;
      for (const unit of unitsOf(block)) {
        chars += unit.text.length;
        if (chars > MAX_PAGE_CHARS) return units;
        unit.start = at + unit.from;
        unit.nextBlock = blocks[i + 1];
        units.push(unit);
      }
      at += block.text.length + BLOCK_SEPARATOR.length;
    }
    return units;
  }

  /** Sends the units no one has matched, the first screen's first, in batches; paints after each. */
  private async matchUnknown(blocks: readonly PageText[], units: readonly Unit[], todo: Unit[], slice: Slice): Promise<void> {
    if (todo.length === 0) return;
    const seen = new Set<string>();
    const fresh = todo.filter((u) => !seen.has(u.key) && seen.add(u.key));
    // A small page goes at once; a long one sends its first screen first.
    const small = fresh.reduce((n, u) => n + u.text.length, 0) <= SMALL_PAGE_CHARS;
    if (!small && !this.deps.first) await afterLayout();
    const first = small ? null : (this.deps.first ?? onScreen)(blocks);
    const screen = first ? fresh.filter((u) => first.has(u.block)) : fresh;
    const rest = first ? fresh.filter((u) => !first.has(u.block)) : [];
    for (const [group, urgent] of [[screen, true], [rest, false]] as const) {
      for (const batch of batches(group)) {
        const answers = await this.deps.match(batch.map(toWire), urgent);
        batch.forEach((u, i) => this.remember(u.key, answers[i] ?? []));
        this.paint(units);
        await slice.pause();
      }
    }
  }

  private remember(key: string, matches: WireMatch[]): void {
    this.known.delete(key);
    this.known.set(key, matches);
    if (this.known.size > REMEMBERED) {
      for (const old of [...this.known.keys()].slice(0, REMEMBERED / 10)) this.known.delete(old);
    }
  }

  private paint(units: readonly Unit[]): void {
    this.painting.update(units, (key) => this.known.get(key));
    this.repaint();
  }

  /** Paints each passage once: agreeing and conflicting statements look different. */
  private repaint(): void {
    paint(CORROBORATED, this.painting.spans.filter((s) => s.stance === 'corroborates').map((s) => s.range));
    paint(CONFLICTING, this.painting.spans.filter((s) => s.stance === 'conflicts').map((s) => s.range));
  }

  /**
   * Reports the units that carry claims, when they or the URL changed (a page that rewrites its DOM
   * without pause must not flood the background). Units the background has forgotten (its worker
   * restarted) are sent again, once.
   */
  private async report(blocks: readonly PageText[], units: readonly Unit[]): Promise<void> {
    const words = units.reduce((sum, u) => sum + u.words, 0);
    this.words = words;
    const claimed = this.painting.reportedUnits;
    // A page without claims has nothing to report (the popup asks the page itself), unless it had.
    if (claimed.length === 0 && !this.reported) return;
    const signature = JSON.stringify([location.href, words, claimed]);
    if (signature === this.lastReport) return;
    this.lastReport = signature;
    this.reported = claimed.length > 0;
    const { missing } = await this.deps.report({ words, units: claimed });
    if (missing.length === 0) return;
    const lost = new Set(missing);
    await this.matchUnknown(blocks, units, units.filter((u) => lost.has(u.key)), new Slice());
    await this.deps.report({ words, units: claimed });
  }
}
