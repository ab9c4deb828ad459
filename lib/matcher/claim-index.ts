import { falseVerdicts } from '../claims/factcheck-claims';
import type { ClaimDatabase } from '../claims/schema';
import { indexFact, readSentence, type IndexedFact } from './facts';
import type { Lexicon } from './lexicon';
import { Tokenizer, type Token } from './tokens';
import { flattenQuote } from './verbatim';

/** What a word does in a claim: names someone or somewhere, gives a fact's value, says what happened (a verb), or the rest of it. */
export const ENTITY = 0;
export const FACT = 1;
export const EVENT = 2;
export const PREDICATE = 3;
export type Role = typeof ENTITY | typeof FACT | typeof EVENT | typeof PREDICATE;

/** A claim as the matcher reads it: its facts pre-read, and the claims linked to it by relations. */
export interface IndexedClaim {
  id: string;
  facts: IndexedFact[];
  negated: boolean;
  /** Indexes of claims linked by any relation: other readings of the same events. */
  linked: number[];
}

/**
 * The index over a claim database: what the matcher looks claims up by. Built once per database.
 * A "variant" is one wording of a claim (its statement, or one of its verbatim quotes); a "term" is
 * one distinct lemma of the database's wordings. Variants and postings are flat typed arrays (offsets
 * into one list each), so that 100,000 claims stay small in memory and quick to walk.
 */
export interface ClaimIndex {
  tokenizer: Tokenizer;
  /** Per claim: its id, and whether its statement is a denial. */
  ids: string[];
  negated: Uint8Array;
  /** Claims linked by a relation (only those that have any), and the values linked claims give a fact ("claim/key"). */
  linked: Map<number, number[]>;
  /** Claims a fact-checker rated false, with the verdict's words: a page stating one conflicts with the verdict. */
  ratedFalse: Map<number, string>;
  alts: Map<string, { text: string }[]>;
  /** The database's claims, whose facts are read when a sentence first comes near them (`claimOf`). */
  source: ClaimDatabase['claims'];
  read: Map<number, IndexedClaim>;
  /** Term id → lemma, and back. */
  terms: string[];
  termIds: Map<string, number>;
  /** Term id → how much it says (rarity in English, how few claims share it). */
  weights: Float64Array;
  /** Term id → 1 when it names someone or somewhere in some claim: only WordNet, never the vectors alone, relates it to other words. */
  entity: Uint8Array;
  /** Variant v's terms are variantTerms[variantStart[v] .. variantStart[v + 1]), with their roles. */
  variantStart: Int32Array;
  variantTerms: Int32Array;
  variantRoles: Uint8Array;
  variantClaim: Int32Array;
  /** Summed weight of a variant's terms. */
  variantTotal: Float64Array;
  /** Variant → its flattened quote (quotes only), for verbatim matching. */
  quotes: Map<number, string>;
  /** Term t's variants are postingList[postingStart[t] .. postingStart[t + 1]); empty for terms too common to look up. */
  postingStart: Int32Array;
  postingList: Int32Array;
  /** Lexicon entry → the term it is (-1: none), so that walking a word's neighbours needs no string look-ups. */
  termOfEntry: Int32Array;
}

/** Keeps per-page work bounded whatever the database size: very common lemmas are not looked up. */
export const POSTING_CAP = 64;
/** Names of outlets that pass claims on carry little of the claim itself ("according to Reuters"). */
const RELAY_KINDS = new Set(['wire-agency', 'data-service', 'state-media']);
const RELAY_WEIGHT = 0.25;

/**
 * How much a word says, from how rare it is in English (the lexicon's frequency rank): "the" nothing,
 * "troops" much, a name the lexicon does not know the most.
 */
export function rarity(lexicon: Lexicon, lemma: string): number {
  const rank = lexicon.rankOf(lemma);
  if (rank === 0) return 1;
  return Math.min(1, Math.max(0.1, Math.log(rank) / Math.log(100_000)));
}

/** Builds the index: one pass over claims and their quotes, then weights and postings. */
export function buildClaimIndex(db: ClaimDatabase, lexicon: Lexicon): ClaimIndex {
  const tokenizer = new Tokenizer(lexicon);
  const position = new Map(db.claims.map((c, i) => [c.id, i]));
  const linked = new Map<number, number[]>();
  const alts = new Map<string, { text: string }[]>();
  for (const r of db.relations) {
    const a = position.get(r.from);
    const b = position.get(r.to);
    if (a === undefined || b === undefined) continue;
    for (const [x, y] of [[a, b], [b, a]] as const) if (!linked.get(x)?.includes(y)) linked.set(x, [...(linked.get(x) ?? []), y]);
    if (r.kind !== 'conflicts') continue;
    // Values that a conflicting claim gives the same fact are how a page's differing title is recognised.
    for (const [x, y] of [[a, b], [b, a]] as const) {
      for (const f of db.claims[x]!.facts) {
        const other = db.claims[y]!.facts.find((g) => g.key === f.key && g.value !== f.value);
        if (other) alts.set(`${x}/${f.key}`, [...(alts.get(`${x}/${f.key}`) ?? []), { text: other.text }]);
      }
    }
  }
  const ratedFalse = new Map<number, string>();
  for (const [id, verdict] of falseVerdicts(db)) ratedFalse.set(position.get(id)!, verdict);
  const quotesOf = new Map<string, string[]>();
  for (const a of db.assertions) quotesOf.set(a.claimId, (quotesOf.get(a.claimId) ?? []).concat(a.quote));
  const relay = new Set(db.sources.filter((s) => RELAY_KINDS.has(s.kind)).flatMap((s) => tokenizer.tokenize(s.name).flatMap((t) => t.lemma ?? [])));

  // Per wording: its lemmas and their roles, flat (wording w's are lemmaAt[wordingStart[w] .. wordingStart[w + 1]));
  // document frequency over claims for the weights.
  const lemmaAt: string[] = [];
  const roleAt: Role[] = [];
  const wordingStart = [0];
  const wordingClaim: number[] = [];
  const quotes = new Map<number, string>();
  const df = new Map<string, number>();
  const entities = new Set<string>();
  const negated = new Uint8Array(db.claims.length);
  const inWording = new Set<string>();
  db.claims.forEach((claim, i) => {
    const statement = readSentence(tokenizer, claim.statement, 0);
    const factWords = new Set(
      claim.facts.filter((f) => f.kind === 'title' || f.kind === 'place').flatMap((f) => tokenizer.tokenize(f.text).flatMap((t) => t.lemma ?? [])),
    );
    const seen = new Set<string>();
    const add = (lemma: string | null, t: Token) => {
      if (!lemma || inWording.has(lemma)) return;
      const role: Role = t.proper ? ENTITY : factWords.has(lemma) ? FACT : t.verb ? EVENT : PREDICATE;
      inWording.add(lemma);
      lemmaAt.push(lemma);
      roleAt.push(role);
      if (role === ENTITY) entities.add(lemma);
      seen.add(lemma);
    };
    for (const wording of [claim.statement, ...(quotesOf.get(claim.id) ?? [])]) {
      inWording.clear();
      for (const t of wording === claim.statement ? statement.tokens : tokenizer.tokenize(wording)) {
        add(t.lemma, t);
        add(t.phrase, t);
      }
      if (inWording.size === 0) continue;
      if (wording !== claim.statement) quotes.set(wordingClaim.length, flattenQuote(wording));
      wordingClaim.push(i);
      wordingStart.push(lemmaAt.length);
    }
    for (const l of seen) df.set(l, (df.get(l) ?? 0) + 1);
    negated[i] = statement.negated ? 1 : 0;
  });

  // Terms, weighted: what a word says in English times how few claims share it.
  const terms = [...df.keys()];
  const termIds = new Map(terms.map((t, i) => [t, i]));
  const n = db.claims.length;
  const weights = Float64Array.from(terms, (l) => rarity(lexicon, l) * (0.5 + (0.5 * Math.log(1 + n / df.get(l)!)) / Math.log(1 + n)) * (relay.has(l) ? RELAY_WEIGHT : 1));
  const entity = Uint8Array.from(terms, (l) => (entities.has(l) ? 1 : 0));

  // Variants: the wordings, with term ids.
  const variants = wordingClaim.length;
  const variantStart = Int32Array.from(wordingStart);
  const variantTerms = Int32Array.from(lemmaAt, (l) => termIds.get(l)!);
  const variantRoles = Uint8Array.from(roleAt);
  const variantClaim = Int32Array.from(wordingClaim);
  const variantTotal = new Float64Array(variants);
  const postingCount = new Int32Array(terms.length);
  for (let v = 0; v < variants; v++) {
    for (let k = variantStart[v]!; k < variantStart[v + 1]!; k++) {
      const t = variantTerms[k]!;
      variantTotal[v]! += weights[t]!;
      postingCount[t]!++;
    }
  }

  // Postings: each term's variants, except terms in more than POSTING_CAP of them (they still score).
  const postingStart = new Int32Array(terms.length + 1);
  for (let t = 0; t < terms.length; t++) postingStart[t + 1] = postingStart[t]! + (postingCount[t]! > POSTING_CAP ? 0 : postingCount[t]!);
  const postingList = new Int32Array(postingStart[terms.length]!);
  const fill = postingStart.slice(0, terms.length);
  for (let v = 0; v < variants; v++) {
    for (let k = variantStart[v]!; k < variantStart[v + 1]!; k++) {
      const t = variantTerms[k]!;
      if (postingCount[t]! <= POSTING_CAP) postingList[fill[t]!++] = v;
    }
  }
  const termOfEntry = entryTerms(lexicon, terms);
  return {
    tokenizer, ids: db.claims.map((c) => c.id), negated, linked, ratedFalse, alts, source: db.claims, read: new Map(),
    terms, termIds, weights, entity, variantStart, variantTerms, variantRoles, variantClaim, variantTotal, quotes, postingStart, postingList, termOfEntry,
  };
}

/** Claim i as the matcher compares it: its facts are read on first use, since most claims never come near a page. */
export function claimOf(index: ClaimIndex, i: number): IndexedClaim {
  let c = index.read.get(i);
  if (!c) {
    const claim = index.source[i]!;
    const statement = readSentence(index.tokenizer, claim.statement, 0);
    const facts = claim.facts.flatMap((f) => indexFact(index.tokenizer, f, statement, index.alts.get(`${i}/${f.key}`) ?? []) ?? []);
    c = { id: claim.id, facts, negated: index.negated[i] === 1, linked: index.linked.get(i) ?? [] };
    index.read.set(i, c);
  }
  return c;
}

/** Lexicon entry → term id (-1: not a term of the index). */
export function entryTerms(lexicon: Lexicon, terms: string[]): Int32Array {
  const termOfEntry = new Int32Array(lexicon.size).fill(-1);
  terms.forEach((l, t) => {
    const e = lexicon.find(l);
    if (e >= 0) termOfEntry[e] = t;
  });
  return termOfEntry;
}
