import { ADJECTIVE, NOUN, PROPER, VERB, type Lexicon } from './lexicon';
import { FACT_WORDS, fold, NEGATORS, STOP_WORDS } from './words';

/**
 * One word of a text, with its offsets (UTF-16 code units) and its normalised forms. `lemma` is the
 * word's dictionary form ("flew" → "fly"), or a two-word phrase's ("touched down" → "touch down"),
 * and null for stop words, numbers and date words (those are read as facts).
 */
export interface Token {
  start: number;
  end: number;
  raw: string;
  lower: string;
  lemma: string | null;
  /** The two-word phrase this word begins, when the lexicon knows it ("touched down" → "touch down"), or null. */
  phrase: string | null;
  /** A name: capitalised, and known to WordNet only as a name or not known at all ("Caracas", "Tonkoshkurov"). */
  proper: boolean;
  /** Can say what a figure counts: a noun, or a word the lexicon does not know. */
  noun: boolean;
  /** Describes what is counted without being it ("strategic", "Russian"). */
  modifier: boolean;
  /** Says what happened: a verb, inflected ("landed", "sent") or after an auxiliary ("will ship"). */
  verb: boolean;
}

const AUXILIARIES = new Set('to will would shall should has have had is are was were be been being did does do can could may might must'.split(' '));

// Model codes ("Tu-160", "IL-62") stay one token so their digits are never read as counts.
const WORD = /(?:\p{Lu}\.){2,}|\p{L}+-\d+\p{L}*|\d+(?:[.,]\d+)*|\p{L}+(?:['’]\p{L}+)*/gu;

/** What a word's spelling alone says of it, read once per spelling. */
type Reading = {
  lower: string;
  lemma: string | null;
  flags: number;
  capitalised: boolean;
  inflected: boolean;
  /** The word as a two-word phrase's first word, when the lexicon has phrases starting so (else null)… */
  phraseFirst: string | null;
  /** …and the phrase it makes with each next word met (null: none), remembered. */
  pairs?: Map<string, string | null>;
};
/** Bounds what a word remembers of the words after it. */
const MAX_PAIRS = 1000;

const UNITED_STATES = 'united states';

/** An unknown word's lemma: plurals folded, so a claim's "Tonkoshkurovs" meets a page's "Tonkoshkurov". */
function guessLemma(lower: string): string {
  if (lower.length > 4 && lower.endsWith('s') && !/(?:ss|us|is)$/.test(lower)) return lower.slice(0, -1);
  return lower;
}

/** Splits text into tokens with the lexicon's lemmas, folding two-word phrases into one. */
export class Tokenizer {
  private readonly memo = new Map<string, Reading>();

  constructor(readonly lexicon: Lexicon) {}

  private read(raw: string): Reading {
    let hit = this.memo.get(raw);
    if (!hit) {
      if (this.memo.size > 50_000) this.memo.clear();
      const lower = fold(raw).replace(/\./g, '');
      // "US" and "U.S." are the country, never the pronoun "us".
      const country = /^U\.?S\.?(?:A\.?)?$/.test(raw);
      const content = country || (!/^\d/.test(lower) && !STOP_WORDS.has(lower) && !FACT_WORDS.has(lower) && !lower.endsWith("n't"));
      const known = country || this.lexicon.find(lower) >= 0;
      const lemma = country ? UNITED_STATES : (this.lexicon.lemmaOf(lower) ?? guessLemma(lower));
      const kept = content ? lemma : null;
      const flags = known ? this.lexicon.flagsOf(lemma) | (country ? PROPER : 0) : NOUN | PROPER;
      const first = kept ?? this.lexicon.lemmaOf(lower) ?? lower;
      hit = {
        lower,
        lemma: kept,
        flags,
        capitalised: /^\p{Lu}/u.test(raw),
        inflected: kept !== null && kept !== lower && !kept.includes(' '),
        phraseFirst: this.lexicon.startsPhrase(first) ? first : null,
      };
      this.memo.set(raw, hit);
    }
    return hit;
  }

  /**
   * The two-word phrase the lexicon knows for a word and the next ("touched down" → "touch down",
   * "military plane"), remembered per word: building and hashing the pair's string costs more.
   */
  private phraseOf(first: Reading, next: string): string | null {
    const pairs = (first.pairs ??= new Map());
    let phrase = pairs.get(next);
    if (phrase === undefined) {
      if (pairs.size >= MAX_PAIRS) pairs.clear();
      const second = this.lexicon.lemmaOf(next) ?? next;
      phrase = [`${first.phraseFirst} ${second}`, `${first.phraseFirst} ${next}`].find((p) => this.lexicon.find(p) >= 0) ?? null;
      pairs.set(next, phrase);
    }
    return phrase;
  }

  /**
   * Splits text into tokens. Two-word phrases are marked where one word carries content; the words
   * keep their own lemmas too: a "military plane" is a plane.
   */
  tokenize(text: string, offset = 0): Token[] {
    const tokens: Token[] = [];
    let before: Reading | undefined;
    for (const m of text.matchAll(WORD)) {
      const raw = m[0];
      const reading = this.read(raw);
      const { lower, lemma, flags, capitalised, inflected } = reading;
      const start = offset + m.index;
      const previous = tokens[tokens.length - 1];
      if (previous && before!.phraseFirst !== null && (previous.lemma !== null || lemma !== null)) previous.phrase = this.phraseOf(before!, lower);
      tokens.push({
        verb: lemma !== null && (flags & VERB) !== 0 && (inflected || (flags & NOUN) === 0 || AUXILIARIES.has(previous?.lower ?? '')),
        start,
        end: start + raw.length,
        raw,
        lower,
        lemma,
        phrase: null,
        proper: capitalised && (flags & PROPER) !== 0,
        noun: (flags & NOUN) !== 0,
        modifier: (capitalised && (flags & PROPER) !== 0) || ((flags & ADJECTIVE) !== 0 && (flags & NOUN) === 0),
      });
      before = reading;
    }
    return tokens;
  }
}

/** The distinct lemmas and phrases of a token list, in order. */
export function lemmaSetOf(tokens: Token[]): Set<string> {
  const out = new Set<string>();
  for (const t of tokens) {
    if (t.lemma) out.add(t.lemma);
    if (t.phrase) out.add(t.phrase);
  }
  return out;
}

/** The same, as a list. */
export function lemmasOf(tokens: Token[]): string[] {
  return [...lemmaSetOf(tokens)];
}

/** How far before a word a negator still denies it ("did not immediately comment"). */
const NEGATION_REACH = 4;

/** True when a negator stands shortly before one of the words at `positions` ("declined to comment"). */
export function negatedNear(tokens: Token[], positions: number[]): boolean {
  return positions.some((p) => {
    for (let i = Math.max(0, p - NEGATION_REACH); i <= p; i++) {
      const t = tokens[i]!;
      if (NEGATORS.has(t.lower) || t.lower.endsWith("n't") || (t.lower === 'yet' && tokens[i + 1]?.lower === 'to')) return true;
    }
    return false;
  });
}

/** True when the text denies what it says ("not", "never", "didn't", "declined to", "yet to"), which flips a claim. */
export function isNegated(tokens: Token[]): boolean {
  return tokens.some((t, i) => NEGATORS.has(t.lower) || t.lower.endsWith("n't") || (t.lower === 'yet' && tokens[i + 1]?.lower === 'to'));
}
