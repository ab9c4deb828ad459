import type { BlockReader } from '../dom/block-reader';
import { afterLayout, onScreen } from '../dom/first-screen';
import { paint, rangesAt } from '../dom/highlighter';
import { BLOCK_SEPARATOR, type PageText } from '../dom/page-text';
import { Slice } from '../dom/yield';
import type { PaintMode } from '../pages/paint-content-routes';
import { MAX_KEYS, MAX_PAGE_CHARS, type WireMatch } from '../pages/wire';
import { ClaimPainting, type FoundClaim, type PaintedSpan } from './claim-painting';
import { batches, distinct, keyOf, leading, linkUnits, toWire, unitsOf, wordsOf, type Unit } from './units';

export type { FoundClaim, PaintedSpan } from './claim-painting';

/** What the claims layer asks the background (see lib/pages/page-routes.ts). */
export type ClaimsLayerDeps = {
  reader: BlockReader;
  /**
   * Whether the site is on and how much it paints, which of these units (by key) the background
   * has matched already, and the matches of these units of text (`units`, for a short page: one
   * question, one answer). `first`: the page's first question (or the first after a single-page
   * navigation).
   */
  lookup(
    question: { keys: string[]; units: { text: string; context?: string }[] },
    first: boolean,
  ): Promise<{ enabled: boolean; paint: PaintMode; known: (WireMatch[] | null)[]; matched: WireMatch[][] }>;
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
  /** The page as the current scan read it. */
  private blocks: readonly PageText[] = [];
  private units: readonly Unit[] = [];
  private lastReport = '';
  private reported = false;
  /** Counted when asked or reported: most pages never are. */
  private words: number | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  /** How many modes the background pushed: an answer asked for before a push must not undo it. */
  private pushes = 0;

  constructor(private readonly deps: ClaimsLayerDeps) {}

  /** The claims found, in page order, each with the passage it is painted in. */
  get claims(): readonly FoundClaim[] {
    return this.painting.claims;
  }

  /** The page's length in words, as the last scan read it. */
  get wordCount(): number {
    return (this.words ??= this.units.reduce((sum, u) => sum + wordsOf(u), 0));
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

  /** The passages painted under a point of the viewport (an unpainted claim opens nothing). */
  at(x: number, y: number): PaintedSpan[] {
    return rangesAt(this.painting.shown, x, y);
  }

  /**
   * Paints every claim, the conflicts only, or nothing, at once. What is found, listed and
   * reported (the popup, the badge) stays the same.
   */
  setPaintMode(mode: PaintMode): void {
    this.pushes++;
    this.painting.setMode(mode);
    this.repaint();
  }

  /** A single-page navigation: the next scan asks the background about the new page first. */
  pageChanged(): void {
    if (this.enabled) this.enabled = null;
  }

  /** The claims Crosscheck knows changed: every answer is stale, so the page is asked about again and reported. */
  claimsChanged(): Promise<void> {
    this.known.clear();
    this.lastReport = '';
    return this.scan();
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
    await this.deps.report({ words: this.wordCount, units: [] });
  }

  private async run(): Promise<void> {
    if (this.enabled === false) return;
    const blocks = await this.deps.reader.read();
    const slice = new Slice();
    const units = await this.unitsOf(blocks, slice);
    linkUnits(units);
    const todo = distinct(units.filter((u) => !this.known.has(u.id)));
    if (this.enabled === null || todo.length > 0) {
      const first = this.enabled === null;
      // A short page (one small request) asks with its text at once; a long one by keys first, then
      // sends what no one matched, except in its first scan: most pages are new, and hashing a page
      // costs it more than sending it (the background keys what it is sent).
      const short = leading(todo, SMALL_PAGE_CHARS).length === todo.length;
      const keyed = short || first ? [] : await this.keysOf(todo, slice);
      for (let i = 0; i === 0 || i < keyed.length; i += MAX_KEYS) {
        const ask = keyed.slice(i, i + MAX_KEYS);
        const sent = short ? todo : [];
        const pushes = this.pushes;
        const reply = await this.deps.lookup({ keys: ask.map(keyOf), units: sent.map(toWire) }, first && i === 0);
        this.enabled = reply.enabled;
        if (!reply.enabled) return this.setEnabled(false);
        if (this.pushes === pushes) this.painting.setMode(reply.paint);
        reply.known.forEach((matches, k) => matches && this.remember(ask[k]!.id, matches));
        reply.matched.forEach((matches, k) => this.remember(sent[k]!.id, matches));
      }
    }
    this.paint(units);
    this.keepOnly(units);
    this.blocks = blocks;
    this.units = units;
    this.words = null;
    await this.matchUnknown(units.filter((u) => !this.known.has(u.id)), slice);
    await this.report(units);
  }

  /** The units' keys for the background, hashed in slices (a long page is much text to hash at once). */
  private async keysOf(units: Unit[], slice: Slice): Promise<Unit[]> {
    for (let i = 0; i < units.length; i++) {
      keyOf(units[i]!);
      if (i % 16 === 15) await slice.pause();
    }
    return units;
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
  private async matchUnknown(todo: Unit[], slice: Slice): Promise<void> {
    const { blocks, units } = this;
    if (todo.length === 0) return;
    const fresh = distinct(todo);
    // A small page goes at once; a long one sends its first screen first.
    const small = fresh.reduce((n, u) => n + u.text.length, 0) <= SMALL_PAGE_CHARS;
    if (!small && !this.deps.first) await afterLayout();
    const first = small ? null : (this.deps.first ?? onScreen)(blocks);
    const screen = first ? fresh.filter((u) => first.has(u.block)) : fresh;
    const rest = first ? fresh.filter((u) => !first.has(u.block)) : [];
    for (const [group, urgent] of [[screen, true], [rest, false]] as const) {
      for (const batch of batches(group)) {
        const answers = await this.deps.match(batch.map(toWire), urgent);
        batch.forEach((u, i) => this.remember(u.id, answers[i] ?? []));
        this.paint(units);
        await slice.pause();
      }
    }
  }

  private remember(id: string, matches: WireMatch[]): void {
    this.known.set(id, matches);
  }

  /**
   * Forgets the answers of units the page no longer shows: `known` is what this page shows, not a
   * cache (the background's, bounded in bytes, is the one cache; a unit shown again is asked by key).
   */
  private keepOnly(units: readonly Unit[]): void {
    const shown = new Set(units.map((u) => u.id));
    for (const id of this.known.keys()) if (!shown.has(id)) this.known.delete(id);
  }

  private paint(units: readonly Unit[]): void {
    this.painting.update(units, (id) => this.known.get(id));
    this.repaint();
  }

  /** Paints each passage the mode shows, once: agreeing and conflicting statements look different. */
  private repaint(): void {
    const shown = this.painting.shown;
    paint(CORROBORATED, shown.filter((s) => s.stance === 'corroborates').map((s) => s.range));
    paint(CONFLICTING, shown.filter((s) => s.stance === 'conflicts').map((s) => s.range));
  }

  /**
   * Reports the units that carry claims, when they or the URL changed (a page that rewrites its DOM
   * without pause must not flood the background). Units the background has forgotten (its worker
   * restarted) are sent again, once.
   */
  private async report(units: readonly Unit[]): Promise<void> {
    const claimed = this.painting.claimedUnits.map((u) => ({ key: keyOf(u), start: u.start }));
    // A page without claims has nothing to report (the popup asks the page itself), unless it had.
    if (claimed.length === 0 && !this.reported) return;
    const words = this.wordCount;
    const signature = JSON.stringify([location.href, words, claimed]);
    if (signature === this.lastReport) return;
    this.lastReport = signature;
    this.reported = claimed.length > 0;
    const { missing } = await this.deps.report({ words, units: claimed });
    if (missing.length === 0) return;
    const lost = new Set(missing);
    await this.matchUnknown(units.filter((u) => lost.has(keyOf(u))), new Slice());
    await this.deps.report({ words, units: claimed });
  }
}
