/** Length of the pieces of a quote that are looked up with the native search. */
const PIECE = 32;
/** Hits above which a piece is too common to find the quote by; the next piece is tried. */
const COMMON = 64;

/** The first `max` starts of `needle` in `text`, by the native search. */
function hits(text: string, needle: string, max: number): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at !== -1 && found.length < max; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/**
 * Where `quote` occurs in `text`, at most `max` starts, in about linear time on any text.
 * The native `indexOf` is fast on ordinary text but can take seconds with a long quote on
 * repetitive text (a 5,000-character quote in a 1 MB run of one letter). So a long quote is found
 * through its first 32-character piece that is not common in the text, each hit checked whole; if
 * the pieces are common (the quote repeats, or so does the text), a Knuth–Morris–Pratt scan does it.
 */
export function exactOccurrences(text: string, quote: string, max: number): number[] {
  if (quote.length <= PIECE) return hits(text, quote, max);
  // Each common piece costs a native scan up to its last hit; after a few texts' worth, stop trying.
  for (let offset = 0, scanned = 0; offset < quote.length && scanned < 4 * text.length; offset += PIECE) {
    const at = Math.min(offset, quote.length - PIECE);
    const found = hits(text, quote.slice(at, at + PIECE), COMMON + 1);
    if (found.length <= COMMON) {
      return found.map((hit) => hit - at).filter((start) => start >= 0 && text.startsWith(quote, start)).slice(0, max);
    }
    scanned += found[COMMON]!;
  }
  return kmp(text, quote, max);
}

/** Knuth–Morris–Pratt: the first `max` starts of `quote` in `text`, in linear time. */
function kmp(text: string, quote: string, max: number): number[] {
  // border[i]: length of the longest proper prefix of quote[0, i] that is also its suffix.
  const border = new Int32Array(quote.length);
  for (let i = 1, k = 0; i < quote.length; i++) {
    const c = quote.charCodeAt(i);
    while (k > 0 && c !== quote.charCodeAt(k)) k = border[k - 1]!;
    if (c === quote.charCodeAt(k)) k++;
    border[i] = k;
  }
  const found: number[] = [];
  for (let j = 0, k = 0; j < text.length && found.length < max; j++) {
    const c = text.charCodeAt(j);
    while (k > 0 && c !== quote.charCodeAt(k)) k = border[k - 1]!;
    if (c === quote.charCodeAt(k)) k++;
    if (k === quote.length) {
      found.push(j - k + 1);
      k = border[k - 1]!;
    }
  }
  return found;
}
