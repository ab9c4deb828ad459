import { afterLayout, onScreen } from '../dom/first-screen';
import type { PageText } from '../dom/page-text';
import type { Slice } from '../dom/yield';
import type { PaintMode } from '../pages/paint-content-routes';
import { MAX_KEYS, type UnitAnswer, type WireMatch } from '../pages/wire';
import { hashKeys } from './page-units';
import { batches, distinct, keyOf, leading, toWire, type Unit } from './units';

/** A unit of text as it is sent to be matched (see toWire). */
type WireUnit = { text: string; context?: string };

/** A question about the page: units the background may know by key, and units of text to match. */
export type Question = { keys: string[]; units: WireUnit[] };

/** The background's answer to a question about the page (see AnswerSource.lookup). */
export type LookupReply = { enabled: boolean; paint: PaintMode; known: (WireMatch[] | null)[]; matched: UnitAnswer[] };

/** What the answers are asked of: the background (see lib/pages/page-routes.ts). */
export type AnswerSource = {
  /**
   * Whether the site is on and how much it paints, which of these units (by key) the background
   * has matched already, and the matches of these units of text (`units`, for a short page: one
   * question, one answer). `first`: the page's first question (or the first after a single-page
   * navigation).
   */
  lookup(question: Question, first: boolean): Promise<LookupReply>;
  /** Matches units of text; a unit without `context` is matched with the start of the next one sent. */
  match(units: WireUnit[], first: boolean): Promise<UnitAnswer[]>;
  /** The blocks to match first (default: those on the first screen). */
  first?: (blocks: readonly PageText[]) => Set<PageText>;
};

/** Unknown text up to this length is sent at once: only longer pages are worth a first screen of their own. */
const SMALL_PAGE_CHARS = 16_000;

const isSmall = (units: readonly Unit[]) => units.reduce((n, u) => n + u.text.length, 0) <= SMALL_PAGE_CHARS;

/**
 * The background's matches for the units the page shows, by unit id, and the asking: by key first
 * (what the background matched already costs no text), then the text of what no one has matched,
 * the first screen first, in batches the background accepts. Only what the page shows is kept: the
 * background's memory, bounded in bytes, is the one cache (a unit shown again is asked by key).
 */
export class ClaimAnswers {
  private readonly known = new Map<string, WireMatch[]>();
  /** The page laid out, awaited before its first screen is found (started while the first question is out). */
  private laidOut: Promise<void> | null = null;

  constructor(private readonly source: AnswerSource) {}

  /** The matches of a unit (by id), or undefined while it has no answer. */
  get(id: string): WireMatch[] | undefined {
    return this.known.get(id);
  }

  /** Whether a unit (by id) has its answer. */
  has(id: string): boolean {
    return this.known.has(id);
  }

  /** Forgets every answer (the claims Crosscheck knows changed). */
  clear(): void {
    this.known.clear();
  }

  /** Forgets the answers of units the page no longer shows. */
  keepOnly(units: readonly Unit[]): void {
    const shown = new Set(units.map((u) => u.id));
    for (const id of this.known.keys()) if (!shown.has(id)) this.known.delete(id);
  }

  /**
   * Asks the background about units without an answer: a short page (one small request) with its
   * text at once; a long one by keys (MAX_KEYS to a question), except in its first scan: most pages
   * are new, and hashing a page costs it more than sending it (the background keys what it is
   * sent), so its text goes by matchUnknown. `first`: the page's first question. Always asks once,
   * even with nothing to ask, for the site's settings. Resolves false, remembering nothing more, as
   * soon as a reply says the site is off.
   */
  async lookUp(todo: Unit[], first: boolean, slice: Slice): Promise<boolean> {
    const short = leading(todo, SMALL_PAGE_CHARS).length === todo.length;
    // A long page's first scan sends its first screen next: the browser lays the page out meanwhile.
    this.laidOut = first && !short && !this.source.first ? afterLayout() : null;
    const keyed = short || first ? [] : await hashKeys(todo, slice);
    for (let i = 0; i === 0 || i < keyed.length; i += MAX_KEYS) {
      const ask = keyed.slice(i, i + MAX_KEYS);
      const sent = short ? todo : [];
      const ids = sent.map((u) => u.id);
      const reply = await this.source.lookup({ keys: ask.map(keyOf), units: sent.map(toWire) }, first && i === 0);
      if (!reply.enabled) return false;
      reply.known.forEach((matches, k) => matches && this.known.set(ask[k]!.id, matches));
      this.take(sent, reply.matched, ids);
    }
    return true;
  }

  /**
   * Sends the units no one has matched, the first screen's first (of the page's `blocks`), in
   * batches; `answered` runs after each answer (to paint what came). Every batch goes out without
   * waiting for the answer before it: the background's queue takes a first screen's first anyway,
   * and so its thread never waits on the page's round trips. `justLaidOut`: the page was laid out
   * just before it was read, so its first screen is found without waiting for a frame.
   */
  async matchUnknown(todo: Unit[], blocks: readonly PageText[], slice: Slice, answered: () => void, justLaidOut = false): Promise<void> {
    if (todo.length === 0) return;
    const fresh = distinct(todo);
    // A small page goes at once; a long one sends its first screen first.
    const small = isSmall(fresh);
    if (!small && !this.source.first && !justLaidOut) await (this.laidOut ?? afterLayout());
    this.laidOut = null;
    const first = small ? null : (this.source.first ?? onScreen)(blocks);
    const screen = first ? fresh.filter((u) => first.has(u.block)) : fresh;
    const rest = first ? fresh.filter((u) => !first.has(u.block)) : [];
    const answers: Promise<void>[] = [];
    for (const [group, urgent] of [[screen, true], [rest, false]] as const) {
      for (const batch of batches(group)) {
        const ids = batch.map((u) => u.id);
        answers.push(
          this.source.match(batch.map(toWire), urgent).then((found) => {
            this.take(batch, found, ids);
            answered();
          }),
        );
        await slice.pause();
      }
    }
    await Promise.all(answers);
  }

  /**
   * Keeps the answers for units sent, and the keys the background knows units with claims by (the
   * report names them so). `ids`: the units' ids when sent; a key is kept only while the unit's
   * text and look-ahead are those it was made of.
   */
  private take(sent: readonly Unit[], found: readonly UnitAnswer[], ids: readonly string[]): void {
    sent.forEach((u, i) => {
      const answer = found[i];
      this.known.set(ids[i]!, answer?.matches ?? []);
      if (answer?.key && u.id === ids[i]) u.key ??= answer.key;
    });
  }
}
