/**
 * What the content script and the background say to each other about blocks of page text, without
 * zod: this module is part of the script injected into every page, and the background validates
 * what it receives with the routes' schemas (page-routes.ts), which use these limits.
 *
 * A block is known by its key, a hash of its text and its look-ahead (the start of the next block),
 * so that the content script can ask which blocks the background has already matched before
 * sending any text, and send the text of the others once.
 */
import type { ClaimMatch } from '../matcher/schema';

/** How much of the next block a block is matched with: enough for a byline or a closing clause. */
export const CONTEXT_CHARS = 240;
/**
 * A unit's look-ahead: the start of the text after it, up to its first sentence end (at most
 * CONTEXT_CHARS). It is matched with the unit so that a quote running over a block boundary is
 * found; one sentence is enough for that, and every character more is matched twice.
 */
export function lookAhead(next: string): string {
  const head = next.slice(0, CONTEXT_CHARS);
  const end = /[.!?]["”’)]?(?=\s|$)|\n/.exec(head);
  return end ? head.slice(0, end.index + end[0].length) : head;
}

/** Longest unit of text matched at once; a longer block is cut into units (at sentence ends where it can). */
export const MAX_UNIT_CHARS = 8000;
/** Most units in one match request, and most characters of text in one. */
export const MAX_BATCH_UNITS = 200;
export const MAX_BATCH_CHARS = 64_000;
/** Most keys asked about at once; a page with more units asks in several requests. */
export const MAX_KEYS = 5000;
/** Most text read from one page: beyond it a page is cut (2 M characters, about 300,000 words). */
export const MAX_PAGE_CHARS = 2_000_000;

/** A match as the background returns it: the page has the text, so it does not travel back. */
export type WireMatch = Omit<ClaimMatch, 'text'>;

/** The background's answer for a unit of text it was sent: its matches, and its key when it has any (see unitKey). */
export type UnitAnswer = { matches: WireMatch[]; key?: string };

/** A hash in progress (two 32-bit lanes, cyrb53). */
export type HashState = readonly [number, number];

const SEED: HashState = [0xdeadbeef ^ 53, 0x41c6ce57 ^ 53];

const encoder = new TextEncoder();

/**
 * Continues a hash over `text`, four bytes of its UTF-8 at a time: the encoding is native, so the
 * loop in JavaScript is a quarter as long as one over characters, which matters most when the code
 * is cold, as it is on every page load.
 */
export function hashText(text: string, [a, b]: HashState = SEED): HashState {
  const bytes = encoder.encode(text);
  const words = new Uint32Array(bytes.buffer, 0, bytes.length >>> 2);
  let h1 = a;
  let h2 = b;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    h1 = Math.imul(h1 ^ w, 2654435761);
    h2 = Math.imul(h2 ^ w, 1597334677);
  }
  for (let i = words.length << 2; i < bytes.length; i++) {
    h1 = Math.imul(h1 ^ bytes[i]!, 2654435761);
    h2 = Math.imul(h2 ^ bytes[i]!, 1597334677);
  }
  return [h1, h2];
}

/** The key of a unit of text matched with `context` (the start of the text after it, or ''). */
export function unitKey(textHash: HashState, textLength: number, context: string): string {
  const [a, b] = hashText(`\n\n${context}`, textHash);
  let h1 = Math.imul(a ^ (a >>> 16), 2246822507);
  h1 ^= Math.imul(b ^ (b >>> 13), 3266489909);
  let h2 = Math.imul(b ^ (b >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hash = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return `${hash.toString(36)}.${(textLength + context.length).toString(36)}`;
}

/** The key of `text` matched with `context`, in one call (the background's side). */
export function keyOf(text: string, context: string): string {
  return unitKey(hashText(text), text.length, context);
}
