/**
 * The matcher's general knowledge of English, in one compact binary file
 * (`public/matcher/lexicon.bin`, built by `npm run model:lexicon` from GloVe word vectors and
 * WordNet): each word's lemma ("flew" → "fly"), how common it is, and its near neighbours in
 * meaning ("troop" → "soldier" 0.9, "land" → "arrive" 0.7), with antonyms removed ("arrive" is
 * never near "depart"). Nothing in it comes from the claim database or any story.
 *
 * The file is typed arrays behind a short header, so loading it is one pass over the strings and no
 * parsing of numbers: it loads in milliseconds when an MV3 worker wakes.
 */

const MAGIC = 0x584c5843; // "CXLX", little-endian
const VERSION = 2;

/** Entry flags. */
export const PROPER = 1; // WordNet writes it capitalised: a name (Caracas, Russia)
export const NOUN = 2; // WordNet knows it as a noun
export const VERB = 4;
export const ADJECTIVE = 8;
/** Link flags. */
export const WORDNET = 1; // WordNet relates the two (synonym, derivation, pertainym, hypernym, holonym), not only the vectors

/** What the builder writes and the loader reads. */
export interface LexiconData {
  /** Words and two-word phrases ("touch down"), lower-case. */
  entries: string[];
  /** Per entry: the index of its lemma (itself when it is one). */
  lemma: Uint32Array;
  /** Per entry: frequency rank in the vectors' corpus (1 = most common; 0 = not ranked). */
  rank: Uint32Array;
  flags: Uint8Array;
  /** Neighbours of entry i are `neighbour[offsets[i] .. offsets[i + 1])`, with `similarity` 0..255. */
  offsets: Uint32Array;
  neighbour: Uint32Array;
  similarity: Uint8Array;
  /** Per neighbour link: WORDNET when WordNet relates the pair. */
  linkFlags: Uint8Array;
}

const pad4 = (n: number) => (n + 3) & ~3;

/** Serialises lexicon data (used by the model builder). */
export function encodeLexicon(data: LexiconData): Uint8Array {
  const strings = new TextEncoder().encode(data.entries.join('\n'));
  const e = data.entries.length;
  const k = data.neighbour.length;
  const parts: [ArrayBufferView, number][] = [
    [strings, pad4(strings.length)],
    [data.lemma, 4 * e],
    [data.rank, 4 * e],
    [data.offsets, 4 * (e + 1)],
    [data.neighbour, 4 * k],
    [data.flags, pad4(e)],
    [data.similarity, pad4(k)],
    [data.linkFlags, pad4(k)],
  ];
  const header = new Uint32Array([MAGIC, VERSION, e, k, strings.length]);
  const out = new Uint8Array(header.byteLength + parts.reduce((sum, [, size]) => sum + size, 0));
  out.set(new Uint8Array(header.buffer), 0);
  let at = header.byteLength;
  for (const [view, size] of parts) {
    out.set(new Uint8Array(view.buffer, view.byteOffset, view.byteLength), at);
    at += size;
  }
  return out;
}

/** Reads a lexicon file; throws a plain error when the bytes are not one. */
export function decodeLexicon(bytes: Uint8Array): LexiconData {
  // Typed arrays need aligned offsets: copy once if the caller's view is not aligned.
  const buffer = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  const u32 = (at: number, n: number) => new Uint32Array(buffer.buffer, buffer.byteOffset + at, n);
  if (buffer.byteLength < 20) throw new Error('Not a Crosscheck lexicon: too short');
  const [magic, version, e, k, stringBytes] = u32(0, 5) as unknown as [number, number, number, number, number];
  if (magic !== MAGIC) throw new Error('Not a Crosscheck lexicon: bad header');
  if (version !== VERSION) throw new Error(`Lexicon version ${version} is not supported (expected ${VERSION})`);
  const expected = 20 + pad4(stringBytes) + 4 * (3 * e + 1 + k) + pad4(e) + 2 * pad4(k);
  if (buffer.byteLength !== expected) throw new Error(`Lexicon is truncated or corrupt (${buffer.byteLength} bytes, expected ${expected})`);
  let at = 20;
  const next = (size: number) => {
    const start = at;
    at += size;
    return start;
  };
  const strings = new TextDecoder().decode(buffer.subarray(at, at + stringBytes));
  next(pad4(stringBytes));
  const lemma = u32(next(4 * e), e);
  const rank = u32(next(4 * e), e);
  const offsets = u32(next(4 * (e + 1)), e + 1);
  const neighbour = u32(next(4 * k), k);
  const flags = buffer.subarray(at, at + e);
  next(pad4(e));
  const similarity = buffer.subarray(at, at + k);
  next(pad4(k));
  const linkFlags = buffer.subarray(at, at + k);
  const entries = e === 0 ? [] : strings.split('\n');
  if (entries.length !== e) throw new Error('Lexicon is corrupt: entry count does not match its strings');
  return { entries, lemma, rank, flags, offsets, neighbour, similarity, linkFlags };
}

/** A lexicon ready for look-ups. */
export class Lexicon {
  private readonly index = new Map<string, number>();
  private readonly kin = new Map<string, Map<string, number>>();
  /** First words of the two-word phrases, so that most word pairs need no phrase look-up. */
  readonly phraseStarts = new Set<string>();

  constructor(readonly data: LexiconData) {
    data.entries.forEach((w, i) => {
      this.index.set(w, i);
      const space = w.indexOf(' ');
      if (space > 0) this.phraseStarts.add(w.slice(0, space));
    });
  }

  /** Number of ranked words: ranks run 1..size. */
  get size(): number {
    return this.data.entries.length;
  }

  /** The entry index of a lower-case word or phrase, or -1. */
  find(word: string): number {
    return this.index.get(word) ?? -1;
  }

  /** The lemma of a known lower-case word, or undefined. */
  lemmaOf(word: string): string | undefined {
    const i = this.index.get(word);
    return i === undefined ? undefined : this.data.entries[this.data.lemma[i]!];
  }

  /** Frequency rank of a known word (1 = most common), or 0. */
  rankOf(word: string): number {
    const i = this.index.get(word);
    return i === undefined ? 0 : this.data.rank[i]!;
  }

  /** The word's flags (PROPER, NOUN, VERB, ADJECTIVE), 0 when unknown. */
  flagsOf(word: string): number {
    const i = this.index.get(word);
    return i === undefined ? 0 : this.data.flags[i]!;
  }

  /** Calls `visit` with each neighbour of a lemma, its similarity (0..1) and whether WordNet relates them. */
  forEachNeighbour(lemma: string, visit: (neighbour: string, similarity: number, wordnet: boolean) => void): void {
    const i = this.index.get(lemma);
    if (i === undefined) return;
    const { offsets, neighbour, similarity, linkFlags, entries } = this.data;
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) visit(entries[neighbour[k]!]!, similarity[k]! / 255, (linkFlags[k]! & WORDNET) !== 0);
  }

  /** Similarity of two lemmas: 1 when equal, the neighbour similarity listed with either, else 0. */
  similarity(a: string, b: string): number {
    if (a === b) return 1;
    const i = this.index.get(a);
    const j = this.index.get(b);
    if (i === undefined || j === undefined) return 0;
    return Math.max(this.listed(i, j), this.listed(j, i));
  }

  /**
   * Similarity through at most one shared neighbour: "servicemen" is near "soldier", which is near
   * "troop". The weaker link of the two counts.
   */
  kinship(a: string, b: string): number {
    // Remembered: it walks a's neighbours, and a page asks of the same few count nouns again and again.
    let row = this.kin.get(a);
    if (!row) {
      if (this.kin.size >= 10_000) this.kin.clear();
      this.kin.set(a, (row = new Map()));
    }
    let known = row.get(b);
    if (known === undefined) row.set(b, (known = this.kinshipOf(a, b)));
    return known;
  }

  private kinshipOf(a: string, b: string): number {
    let best = this.similarity(a, b);
    const i = this.index.get(a);
    if (i === undefined || this.index.get(b) === undefined) return best;
    const { offsets, neighbour, similarity, entries } = this.data;
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) {
      const first = similarity[k]! / 255;
      if (first <= best) continue;
      best = Math.max(best, Math.min(first, this.similarity(entries[neighbour[k]!]!, b)));
    }
    return best;
  }

  private listed(i: number, j: number): number {
    const { offsets, neighbour, similarity } = this.data;
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) if (neighbour[k] === j) return similarity[k]! / 255;
    return 0;
  }
}
