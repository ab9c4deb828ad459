import type { BlockReader } from '../dom/block-reader';
import { paint, rangesAt } from '../dom/highlighter';
import type { PageText } from '../dom/page-text';
import { Slice } from '../dom/yield';
import type { PaintMode } from '../pages/paint-content-routes';
import { ClaimAnswers, type AnswerSource, type LookupReply, type Question } from './claim-answers';
import { ClaimPainting, type FoundClaim, type PaintedSpan } from './claim-painting';
import { ClaimsReport, type ReportedPage } from './claims-report';
import { readUnits } from './page-units';
import { distinct, keyOf, linkUnits, wordsOf, wordsOfAll, type Unit } from './units';

export type { FoundClaim, PaintedSpan } from './claim-painting';

/** What the claims layer asks the background (see lib/pages/page-routes.ts): its answers (AnswerSource), and the report. */
export type ClaimsLayerDeps = AnswerSource & {
  reader: BlockReader;
  /**
   * Tells the background which units carry the page's claims, where (only when it has claims, or
   * had); it answers with the keys it no longer knows.
   */
  report(page: ReportedPage): Promise<{ missing: string[] }>;
};

export const CORROBORATED = 'crosscheck-claim';
export const CONFLICTING = 'crosscheck-conflict';

/**
 * Finds the database's claims on the page and paints them. A scan reads again only what changed
 * (BlockReader), asks the background about units it does not know by their keys, sends the text
 * of the units no one has matched, the first screen first, and paints as the answers arrive. No
 * step runs long without giving the page its main thread back. Overlapping scans are coalesced.
 */
export class ClaimsLayer {
  private readonly answers: ClaimAnswers;
  private readonly painting = new ClaimPainting();
  private readonly reporting: ClaimsReport;
  private enabled: boolean | null = null;
  private units: readonly Unit[] = [];
  /** Counted when asked or reported: most pages never are. */
  private words: number | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  /** The page's first question, asked before the page is read (see start). */
  private opening: Promise<boolean> | null = null;
  /** How many modes the background pushed: an answer asked for before a push must not undo it. */
  private pushes = 0;

  constructor(private readonly deps: ClaimsLayerDeps) {
    this.answers = new ClaimAnswers({
      lookup: (question, first) => this.lookup(question, first),
      match: (units, first) => deps.match(units, first),
      first: deps.first,
    });
    this.reporting = new ClaimsReport((page) => deps.report(page));
  }

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

  /**
   * The page's first scan, as the content script starts. Its first question (is the site on, how
   * much to paint, has the page notes) goes out at once, and the page is read once `drawn`
   * resolves (its first frame drawn): the question's round trip is hidden in that wait. The page
   * being laid out when it is read, its first screen is found without waiting for another frame.
   */
  async start(drawn: Promise<void>): Promise<void> {
    if (this.enabled === null) {
      this.opening = this.answers.lookUp([], true, new Slice());
      this.opening.catch(() => undefined); // awaited by the scan; a failure is the scan's to report
    }
    await drawn;
    return this.scan(true);
  }

  /**
   * Scans the page (again); resolves when its highlights are painted and reported. `justLaidOut`:
   * the scan follows a frame, so the page's first screen is found in that layout at once.
   */
  scan(justLaidOut = false): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.run(justLaidOut).finally(() => {
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
    this.answers.clear();
    this.reporting.invalidate();
    return this.scan();
  }

  /** Turns the layer on (scanning again) or off (clearing everything, and saying so). */
  async setEnabled(on: boolean): Promise<void> {
    this.enabled = on ? null : false;
    if (on) return this.scan();
    this.painting.clear();
    this.repaint();
    await this.reporting.withdraw(this.wordCount);
  }

  private async run(justLaidOut: boolean): Promise<void> {
    if (this.enabled === false) return; // the site is off (the first question may have said so already)
    const blocks = await this.deps.reader.read();
    const slice = new Slice();
    const units = await readUnits(blocks, slice);
    // Each pass below goes over the whole page: on a page of 10,000 blocks each takes 5–20 ms, too
    // long to run them all in one task.
    linkUnits(units);
    await slice.pause();
    const todo = distinct(units.filter((u) => !this.answers.has(u.id)));
    await slice.pause();
    const opening = this.opening;
    this.opening = null;
    // After the first question, the page's text all goes to be matched: none of it was asked about yet.
    if (opening) {
      if (!(await opening)) return this.setEnabled(false);
    } else if (this.enabled === null || todo.length > 0) {
      if (!(await this.answers.lookUp(todo, this.enabled === null, slice))) return this.setEnabled(false);
    }
    this.paint(units);
    await slice.pause();
    this.answers.keepOnly(units);
    this.units = units;
    this.words = null;
    await slice.pause();
    await this.matchUnknown(units.filter((u) => !this.answers.has(u.id)), blocks, units, slice, justLaidOut);
    await this.reporting.update(() => wordsOfAll(units, slice), this.painting.claimedUnits, (lost) =>
      this.matchUnknown(units.filter((u) => lost.has(keyOf(u))), blocks, units, new Slice(), false),
    );
  }

  /** Asks the background, and takes the site's settings from its reply (unless a mode was pushed meanwhile). */
  private async lookup(question: Question, first: boolean): Promise<LookupReply> {
    const pushes = this.pushes;
    const reply = await this.deps.lookup(question, first);
    this.enabled = reply.enabled;
    if (reply.enabled && this.pushes === pushes) this.painting.setMode(reply.paint);
    return reply;
  }

  /** Sends the text of `todo` to be matched, painting the page's `units` after each batch. */
  private matchUnknown(todo: Unit[], blocks: readonly PageText[], units: readonly Unit[], slice: Slice, justLaidOut: boolean): Promise<void> {
    return this.answers.matchUnknown(todo, blocks, slice, () => this.paint(units), justLaidOut);
  }

  private paint(units: readonly Unit[]): void {
    this.painting.update(units, (id) => this.answers.get(id));
    this.repaint();
  }

  /** Paints each passage the mode shows, once: agreeing and conflicting statements look different. */
  private repaint(): void {
    const shown = this.painting.shown;
    paint(CORROBORATED, shown.filter((s) => s.stance === 'corroborates').map((s) => s.range));
    paint(CONFLICTING, shown.filter((s) => s.stance === 'conflicts').map((s) => s.range));
  }
}
