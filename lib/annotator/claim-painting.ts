import { joinBlocks, BLOCK_SEPARATOR, type PageText } from '../dom/page-text';
import { rangeFor } from '../dom/text-ranges';
import type { ClaimMatch } from '../matcher/schema';
import type { PaintMode } from '../pages/paint-content-routes';
import type { WireMatch } from '../pages/wire';
import { groupSpans, type ClaimSpan } from './spans';
import type { Unit } from './units';

/** A passage painted once (see groupSpans) and its live range. */
export type PaintedSpan = ClaimSpan & { range: Range };

/** A claim found on the page, the live range it was painted on, and the passage that range paints. */
export type FoundClaim = { claim: ClaimMatch; range: Range; span: PaintedSpan };

/** Whether the reader can see the text a range starts in (a stylesheet may hide what the markup shows). */
function shown(range: Range): boolean {
  const element = range.startContainer.parentElement;
  return typeof element?.checkVisibility !== 'function' || element.checkVisibility({ visibilityProperty: true });
}

/** A range from `start` in `block` to `end`, which may run on into the next block (a tweet, then its byline). */
function rangeIn(block: PageText, next: PageText | undefined, start: number, end: number): Range | null {
  if (end <= block.text.length || !next) return rangeFor(block, start, Math.min(end, block.text.length));
  return rangeFor(joinBlocks([block, next]), start, Math.min(end, block.text.length + BLOCK_SEPARATOR.length + next.text.length));
}

type UnitPainting = { id: string; start: number; spans: PaintedSpan[] };

/**
 * The passages a mode paints: every one, the conflicting ones only (a passage where any claim
 * conflicts, as groupSpans marks it), or none.
 */
export function spansToPaint<S extends { stance: ClaimSpan['stance'] }>(spans: readonly S[], mode: PaintMode): S[] {
  if (mode === 'none') return [];
  return mode === 'conflicts' ? spans.filter((s) => s.stance === 'conflicts') : [...spans];
}

/**
 * What is painted for the claims: the passages found, those the reader's mode paints, the claims in
 * page order, and the units that carry them (for the report: every claim found, whatever is
 * painted). Each unit's passages are kept while its key and place stay the same, so that a rescan
 * or a new batch of answers only paints what is new.
 */
export class ClaimPainting {
  /** Every passage found. */
  spans: PaintedSpan[] = [];
  /** The passages painted in the current mode (the ones a click can open). */
  shown: PaintedSpan[] = [];
  claims: FoundClaim[] = [];
  /** The units with claims on screen (to report). */
  claimedUnits: Unit[] = [];
  private readonly perUnit = new WeakMap<Unit, UnitPainting>();
  private mode: PaintMode = 'all';

  /** Paints the passages of another mode (every claim, conflicts only, nothing). */
  setMode(mode: PaintMode): void {
    this.mode = mode;
    this.shown = spansToPaint(this.spans, mode);
  }

  /** Paints again from the answers known so far (`known(id)`: a unit's matches, if answered). */
  update(units: readonly Unit[], known: (id: string) => WireMatch[] | undefined): void {
    this.spans = [];
    this.claimedUnits = [];
    for (const unit of units) {
      const matches = known(unit.id);
      if (!matches?.length) continue;
      let painted = this.perUnit.get(unit);
      if (!painted || painted.id !== unit.id || painted.start !== unit.start) {
        painted = { id: unit.id, start: unit.start, spans: this.spansOf(unit, matches) };
        this.perUnit.set(unit, painted);
      }
      if (painted.spans.length === 0) continue;
      for (const span of painted.spans) this.spans.push(span);
      this.claimedUnits.push(unit);
    }
    this.claims = this.spans.flatMap((span) => span.claims.map((claim) => ({ claim, range: span.range, span })));
    this.shown = spansToPaint(this.spans, this.mode);
  }

  /** Forgets everything painted. */
  clear(): void {
    this.spans = [];
    this.shown = [];
    this.claims = [];
    this.claimedUnits = [];
  }

  private spansOf(unit: Unit, matches: WireMatch[]): PaintedSpan[] {
    const { start, nextBlock: next } = unit;
    const window = `${unit.text}${BLOCK_SEPARATOR}${unit.context}`;
    const claims: ClaimMatch[] = matches.map((m) => ({ ...m, text: window.slice(m.start, m.end), start: start + m.start, end: start + m.end }));
    return groupSpans(claims).flatMap((span) => {
      const range = rangeIn(unit.block, next, unit.from + span.start - start, unit.from + span.end - start);
      return range && shown(range) ? [{ ...span, range }] : [];
    });
  }
}
