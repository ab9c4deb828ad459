import type { ClaimDatabase } from '../claims/schema';
import { indexFact, readSentence, type IndexedFact } from './facts';
import { isNegated, termsOf } from './tokens';
import { flattenQuote } from './verbatim';

/** A claim as the matcher keeps it: its facts pre-read, and the claims linked to it by relations. */
export interface IndexedClaim {
  id: string;
  facts: IndexedFact[];
  negated: boolean;
  /** Indexes of claims linked by any relation: alternative readings of the same span. */
  linked: number[];
  /**
   * The statement's terms that say what happened, not who or where: minus names (capitalised words)
   * and title and place facts. "Jorge Rodriguez is communications minister" names a claim's people without stating it.
   */
  predicate: string[];
}

/**
 * The inverted index over the claim database. Plain JSON data (no Maps or classes) so the
 * background can build it once and hand it to a content script or cache it.
 * A "variant" is one wording of a claim: its statement, or one of its verbatim assertion quotes.
 */
export interface ClaimIndex {
  version: 1;
  claims: IndexedClaim[];
  /** Per variant: its claim's index, its distinct terms, and the summed weight of those terms. */
  variants: { claim: number; terms: string[]; total: number; unposted: number; quote?: string }[];
  /** Term weight: inverse document frequency over claims (rare words count more). */
  weights: Record<string, number>;
  /** Weight of a word no claim uses (as rare as can be). */
  rareWeight: number;
  /** Term → variant indexes. Terms in more than POSTING_CAP variants are left out (they still score). */
  postings: Record<string, number[]>;
}

/** Keeps per-page work bounded whatever the database size: very common terms are not looked up. */
export const POSTING_CAP = 400;
/** Names of outlets that pass claims on carry little of the claim itself ("according to Reuters"). */
const RELAY_KINDS = new Set(['wire-agency', 'data-service', 'state-media']);
const RELAY_WEIGHT = 0.25;

/** Builds the index: one pass over claims and assertions, then weights and postings. */
export function buildClaimIndex(db: ClaimDatabase): ClaimIndex {
  const position = new Map(db.claims.map((c, i) => [c.id, i]));
  const linked: number[][] = db.claims.map(() => []);
  const alts = new Map<string, { text: string }[]>();
  for (const r of db.relations) {
    const a = position.get(r.from);
    const b = position.get(r.to);
    if (a === undefined || b === undefined) continue;
    linked[a]!.push(b);
    linked[b]!.push(a);
    if (r.kind !== 'conflicts') continue;
    // Values that a conflicting claim gives the same fact are how a page's differing title is recognised.
    for (const [x, y] of [[a, b], [b, a]] as const) {
      for (const f of db.claims[x]!.facts) {
        const other = db.claims[y]!.facts.find((g) => g.key === f.key && g.value !== f.value);
        if (other) alts.set(`${x}/${f.key}`, [...(alts.get(`${x}/${f.key}`) ?? []), { text: other.text }]);
      }
    }
  }
  const quotesOf = new Map<string, string[]>();
  for (const a of db.assertions) quotesOf.set(a.claimId, [...(quotesOf.get(a.claimId) ?? []), a.quote]);
  const relay = new Set(db.sources.filter((s) => RELAY_KINDS.has(s.kind)).flatMap((s) => termsOf(s.name)));
  const variants: ClaimIndex['variants'] = [];
  const df = new Map<string, number>();
  const claims = db.claims.map((claim, i): IndexedClaim => {
    const quotes = quotesOf.get(claim.id) ?? [];
    const statement = readSentence(claim.statement, 0);
    const seen = new Set<string>();
    for (const w of [claim.statement, ...quotes]) {
      const terms = w === claim.statement ? [...statement.terms] : termsOf(w);
      const quote = w === claim.statement ? undefined : flattenQuote(w);
      if (terms.length) variants.push({ claim: i, terms, total: 0, unposted: 0, ...(quote ? { quote } : {}) });
      for (const t of terms) seen.add(t);
    }
    for (const t of seen) df.set(t, (df.get(t) ?? 0) + 1);
    const facts = claim.facts.flatMap((f) => indexFact(f, statement, alts.get(`${i}/${f.key}`) ?? []) ?? []);
    // Names are the capitalised words and the title and place facts (the schema's entities also hold concepts).
    const naming = new Set(claim.facts.filter((f) => f.kind === 'title' || f.kind === 'place').flatMap((f) => termsOf(f.text)));
    for (const t of statement.tokens) if (t.term && /^\p{Lu}/u.test(t.raw)) naming.add(t.term);
    const predicate = [...statement.terms].filter((t) => !naming.has(t));
    return { id: claim.id, facts, negated: isNegated(statement.tokens), linked: [...new Set(linked[i])], predicate };
  });
  const weights: Record<string, number> = {};
  const n = db.claims.length;
  for (const [t, d] of df) weights[t] = Math.log(1 + n / d) * (relay.has(t) ? RELAY_WEIGHT : 1);
  const postings: Record<string, number[]> = {};
  variants.forEach((v, vi) => {
    for (const t of v.terms) (postings[t] ??= []).push(vi);
  });
  for (const [t, list] of Object.entries(postings)) if (list.length > POSTING_CAP) delete postings[t];
  for (const v of variants) {
    for (const t of v.terms) {
      v.total += weights[t]!;
      if (!Object.hasOwn(postings, t)) v.unposted += weights[t]!;
    }
  }
  return { version: 1, claims, variants, weights, rareWeight: Math.log(1 + n), postings };
}
