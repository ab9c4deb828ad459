/**
 * The matcher's general knowledge of English, in one compact binary file
 * (`public/matcher/lexicon.bin`, built by `npm run model:lexicon` from GloVe word vectors and
 * WordNet): each word's lemma ("flew" → "fly"), how common it is, and its near neighbours in
 * meaning ("troop" → "soldier" 0.9, "land" → "arrive" 0.7), with antonyms removed ("arrive" is
 * never near "depart"). Nothing in it comes from the claim database or any story.
 *
 * The file is typed arrays behind a short header, so loading it is one pass over the strings and no
 * parsing of numbers, and its words are looked up through a hash table the file carries, so that
 * loading builds no Map of 81,000 strings (30–40 ms at every start of an MV3 worker), nor even
 * the strings themselves (Words).
 */

const MAGIC = 0x584c5843; // "CXLX", little-endian
const VERSION = 3;

/** Entry flags. */
export const PROPER = 1; // WordNet writes it capitalised: a name (Caracas, Russia)
export const NOUN = 2; // WordNet knows it as a noun
export const VERB = 4;
export const ADJECTIVE = 8;
export const PHRASE_START = 16; // a two-word phrase of the lexicon starts with it ("touch" of "touch down"); set by encodeLexicon
/** Link flags. */
export const WORDNET = 1; // WordNet relates the two (synonym, derivation, pertainym, hypernym, holonym), not only the vectors

/**
 * The lexicon's words and two-word phrases, lower-case, in one string with a newline after each,
 * and where each starts. A word is cut out only when it is asked for: splitting all 81,000 words at
 * load cost a starting worker 20–35 ms, and kept 81,000 strings in its memory.
 */
export class Words {
  /** The words cut out so far: the same string each time, whose hash V8 then keeps (Maps key on them). */
  private readonly cut: (string | undefined)[];

  private constructor(
    private readonly text: string,
    /** Word i is text[starts[i], starts[i + 1] - 1): the last entry is one past the text's end. */
    private readonly starts: Uint32Array,
  ) {
    this.cut = new Array<string | undefined>(starts.length - 1);
  }

  /** The words of `text` (newline-separated); throws unless there are `count`. */
  static fromText(text: string, count: number): Words {
    const starts = new Uint32Array(count + 1);
    let n = 0;
    if (text.length > 0 || count > 0) {
      for (let at = text.indexOf('\n'); at >= 0 && n < count; at = text.indexOf('\n', at + 1)) starts[++n] = at + 1;
      if (n !== count - 1 || text.indexOf('\n', starts[n]!) >= 0) throw new Error('Lexicon is corrupt: entry count does not match its strings');
      starts[count] = text.length + 1;
    }
    return new Words(text, starts);
  }

  get length(): number {
    return this.starts.length - 1;
  }

  /** Word i. */
  at(i: number): string {
    return (this.cut[i] ??= this.text.slice(this.starts[i], this.starts[i + 1]! - 1));
  }

  /** Whether word i is `word`: its length first, so that most other words are never cut out. */
  is(i: number, word: string): boolean {
    return this.starts[i + 1]! - 1 - this.starts[i]! === word.length && this.at(i) === word;
  }
}

/** What the loader reads. */
export interface LexiconData {
  entries: Words;
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
  /**
   * The words' hash table (open addressing, linear probing): slot → entry index + 1, 0 when empty.
   * A word's first slot is `wordHash(word)` masked to the table's size, a power of two at least
   * twice the number of entries.
   */
  slots: Uint32Array;
}

/** What the builder writes: the same, its words as a list, without the hash table (encodeLexicon makes it). */
export type LexiconSource = Omit<LexiconData, 'entries' | 'slots'> & { entries: readonly string[] };

const pad4 = (n: number) => (n + 3) & ~3;

/** FNV-1a over a word's UTF-16 code units: the same in the builder and every browser. */
function wordHash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The hash table's size for `e` entries: about a third full, so a look-up reads one or two slots. */
function slotCount(e: number): number {
  let size = 2;
  while (size < 2 * e) size *= 2;
  return size;
}

/** The hash table over the entries (see LexiconData.slots). */
function hashSlots(entries: readonly string[]): Uint32Array {
  const slots = new Uint32Array(slotCount(entries.length));
  const mask = slots.length - 1;
  entries.forEach((word, i) => {
    let at = wordHash(word) & mask;
    while (slots[at] !== 0) at = (at + 1) & mask;
    slots[at] = i + 1;
  });
  return slots;
}

/** Serialises lexicon data (used by the model builder), with its hash table and the phrase starts marked. */
export function encodeLexicon(data: LexiconSource): Uint8Array {
  const strings = new TextEncoder().encode(data.entries.join('\n'));
  const e = data.entries.length;
  const k = data.neighbour.length;
  const position = new Map(data.entries.map((w, i) => [w, i]));
  const flags = Uint8Array.from(data.flags, (f) => f & ~PHRASE_START);
  for (const w of data.entries) {
    const space = w.indexOf(' ');
    const first = space > 0 ? position.get(w.slice(0, space)) : undefined;
    if (first === undefined && space > 0) throw new Error(`The phrase "${w}" starts with a word the lexicon lacks`);
    if (first !== undefined) flags[first]! |= PHRASE_START;
  }
  const slots = hashSlots(data.entries);
  const parts: [ArrayBufferView, number][] = [
    [strings, pad4(strings.length)],
    [data.lemma, 4 * e],
    [data.rank, 4 * e],
    [data.offsets, 4 * (e + 1)],
    [data.neighbour, 4 * k],
    [flags, pad4(e)],
    [data.similarity, pad4(k)],
    [data.linkFlags, pad4(k)],
    [slots, 4 * slots.length],
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
  const expected = 20 + pad4(stringBytes) + 4 * (3 * e + 1 + k) + pad4(e) + 2 * pad4(k) + 4 * slotCount(e);
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
  next(pad4(k));
  const slots = u32(at, slotCount(e));
  const entries = Words.fromText(strings, e);
  // The table is not checked slot by slot (a cold worker would pay 30 ms for it): a look-up reads
  // each slot at most once, so even a damaged table cannot make it loop.
  return { entries, lemma, rank, flags, offsets, neighbour, similarity, linkFlags, slots };
}

/** A lexicon ready for look-ups. */
export class Lexicon {
  private readonly kin = new Map<string, Map<string, number>>();
  private readonly mask: number;

  constructor(readonly data: LexiconData) {
    this.mask = data.slots.length - 1;
  }

  /** Number of ranked words: ranks run 1..size. */
  get size(): number {
    return this.data.entries.length;
  }

  /** The entry index of a lower-case word or phrase, or -1. */
  find(word: string): number {
    const { slots, entries } = this.data;
    let at = wordHash(word) & this.mask;
    for (let read = 0; read <= this.mask; read++, at = (at + 1) & this.mask) {
      const slot = slots[at]!;
      if (slot === 0) return -1;
      if (entries.is(slot - 1, word)) return slot - 1;
    }
    return -1;
  }

  /** The lemma of a known lower-case word, or undefined. */
  lemmaOf(word: string): string | undefined {
    const i = this.find(word);
    return i < 0 ? undefined : this.data.entries.at(this.data.lemma[i]!);
  }

  /** Frequency rank of a known word (1 = most common), or 0. */
  rankOf(word: string): number {
    const i = this.find(word);
    return i < 0 ? 0 : this.data.rank[i]!;
  }

  /** The word's flags (PROPER, NOUN, VERB, ADJECTIVE, PHRASE_START), 0 when unknown. */
  flagsOf(word: string): number {
    const i = this.find(word);
    return i < 0 ? 0 : this.data.flags[i]!;
  }

  /** Whether a two-word phrase of the lexicon starts with this word, so that most word pairs need no phrase look-up. */
  startsPhrase(word: string): boolean {
    return (this.flagsOf(word) & PHRASE_START) !== 0;
  }

  /** Calls `visit` with each neighbour of a lemma, its similarity (0..1) and whether WordNet relates them. */
  forEachNeighbour(lemma: string, visit: (neighbour: string, similarity: number, wordnet: boolean) => void): void {
    const i = this.find(lemma);
    if (i < 0) return;
    const { offsets, neighbour, similarity, linkFlags, entries } = this.data;
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) visit(entries.at(neighbour[k]!), similarity[k]! / 255, (linkFlags[k]! & WORDNET) !== 0);
  }

  /** Similarity of two lemmas: 1 when equal, the neighbour similarity listed with either, else 0. */
  similarity(a: string, b: string): number {
    if (a === b) return 1;
    const i = this.find(a);
    const j = this.find(b);
    if (i < 0 || j < 0) return 0;
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
    const i = this.find(a);
    if (i < 0 || this.find(b) < 0) return best;
    const { offsets, neighbour, similarity, entries } = this.data;
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) {
      const first = similarity[k]! / 255;
      if (first <= best) continue;
      best = Math.max(best, Math.min(first, this.similarity(entries.at(neighbour[k]!), b)));
    }
    return best;
  }

  private listed(i: number, j: number): number {
    const { offsets, neighbour, similarity } = this.data;
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) if (neighbour[k] === j) return similarity[k]! / 255;
    return 0;
  }
}
