import { rarity, type ClaimIndex } from './claim-index';
import { readSentence, type SentenceReading } from './facts';
import { featuresOf, judgeFacts, type Features } from './features';
import { reach, type Reach } from './reach';
import { FACT_CHECK_VERDICT, type ClaimMatch, type MatchDifference } from './schema';
import { score, scorerModel, type ScorerModel } from './scorer';
import { splitSentences, type SentenceSpan } from './sentences';
import { quoteRun } from './verbatim';

/** A claim a sentence may state, with the scorer's probability. */
export interface Candidate {
  claim: number;
  probability: number;
  features: Features;
  agree: number;
  differs: MatchDifference[];
  /** The sentence lemmas the claim's words were found through. */
  used: string[];
}

/** No quote: a sentence read for what it states in its own words. */
const UNQUOTED: ReadonlySet<number> = new Set();

/** Wordings covering less than this of their weight are not scored at all (saves judging their facts). */
const MIN_CANDIDATE_COVERAGE = 0.3;
/** …or fewer of its words than this. */
const MIN_CANDIDATE_TERMS = 2;

/**
 * Every claim the index reaches from a sentence, scored. A claim is read through its wording the
 * sentence covers best (its statement or a quote); one covering too little is not scored at all.
 */
export function candidates(index: ClaimIndex, s: SentenceReading, r: Reach, quoted: ReadonlySet<number>, model: ScorerModel = scorerModel): Candidate[] {
  const best = new Map<number, { variant: number; coverage: number }>();
  for (const v of r.variants) {
    const isQuoted = quoted.size > 0 && quoted.has(v);
    const coverage = isQuoted ? Infinity : r.reached(v) / index.variantTotal[v]!;
    if (coverage < MIN_CANDIDATE_COVERAGE) continue;
    // One shared word is a coincidence, unless the wording has hardly more.
    if (!isQuoted && r.hits(v) < Math.min(MIN_CANDIDATE_TERMS, index.variantStart[v + 1]! - index.variantStart[v]!)) continue;
    const claim = index.variantClaim[v]!;
    if (coverage <= (best.get(claim)?.coverage ?? -1)) continue;
    best.set(claim, { variant: v, coverage });
  }
  const out: Candidate[] = [];
  for (const [claim, { variant }] of best) {
    const judged = judgeFacts(index, variant, s, r);
    const { features, used, negationDiffers } = featuresOf(index, s, r, variant, judged, quoted.has(variant));
    const negated = index.negated[claim] === 1;
    const negation = { what: 'negation', expected: negated ? 'denied' : 'stated', found: negated ? 'stated' : 'denied' };
    const differs = negationDiffers ? [...judged.differs, negation] : judged.differs;
    out.push({ claim, probability: score(features, model), features, agree: judged.agree, differs, used });
  }
  return out;
}

/**
 * Which claims a sentence states. The scorer's probable ones, best first, except: where the best
 * differs from the sentence on a fact and a claim linked to it agrees, the agreeing one is the
 * reading (the card shows the other through the relation); and a further claim must rest on words
 * of its own, or it is the same statement read twice (the database's near-duplicates).
 */
export function choose(index: ClaimIndex, cands: Candidate[], model: ScorerModel = scorerModel): Candidate[] {
  const lexicon = index.tokenizer.lexicon;
  const kept = cands.filter((c) => c.probability >= model.threshold).sort((a, b) => b.probability - a.probability);
  const top = kept[0];
  if (top?.differs.length) {
    const linked = index.linked.get(top.claim) ?? [];
    const agreeing = cands.find((c) => linked.includes(c.claim) && !c.differs.length && c.agree > 0 && c.probability >= model.threshold / 2);
    if (agreeing) kept.unshift(agreeing);
  }
  const chosen: Candidate[] = [];
  const explained = new Set<string>();
  for (const c of kept) {
    if (chosen.some((k) => k.claim === c.claim)) continue;
    // A linked claim that differs where a chosen one agrees is the other reading of the same words.
    if (c.differs.length && chosen.some((k) => !k.differs.length && (index.linked.get(k.claim) ?? []).includes(c.claim))) continue;
    let own = 0;
    for (const l of c.used) if (!explained.has(l)) own += rarity(lexicon, l);
    if (chosen.length && own < model.ownWeight) continue;
    chosen.push(c);
    for (const l of c.used) explained.add(l);
  }
  return chosen;
}

function toMatch(index: ClaimIndex, c: Candidate, text: string, span: SentenceSpan, verbatim = false): ClaimMatch {
  const score = verbatim ? 1 : Math.round(c.probability * 1000) / 1000;
  const base = { claimId: index.ids[c.claim]!, start: span.start, end: span.end, text: text.slice(span.start, span.end), score };
  // A source's own verbatim words cannot conflict with the claim recorded from them…
  const differs = verbatim ? [] : c.differs;
  // …but stating a claim a fact-checker rated false, in any words, conflicts with the verdict
  // (denying it does not: that page says "denied" against the claim, as it would anyway).
  const verdict = index.ratedFalse.get(c.claim);
  if (verdict && !differs.some((d) => d.what === 'negation')) return { ...base, stance: 'conflicts', differs: [...differs, { what: FACT_CHECK_VERDICT, expected: verdict, found: 'stated as true' }] };
  if (differs.length === 0) return { ...base, stance: 'corroborates' };
  return { ...base, stance: 'conflicts', differs };
}

/** The quotes a sentence may reproduce: it holds all of a quote's words, or lies mostly inside one. */
function quoteCandidates(index: ClaimIndex, s: SentenceReading, r: Reach): number[] {
  const out: number[] = [];
  for (const v of r.variants) {
    if (!index.quotes.has(v)) continue;
    let inside = 0;
    for (let k = index.variantStart[v]!; k < index.variantStart[v + 1]!; k++) if (r.said(index.variantTerms[k]!) === 1) inside++;
    const size = index.variantStart[v + 1]! - index.variantStart[v]!;
    if (inside === size || (inside >= Math.min(2, s.lemmas.size) && inside >= 0.8 * s.lemmas.size)) out.push(v);
  }
  return out;
}

/**
 * Finds every passage of a text that states a database claim. Spans are whole sentences; a
 * passage that reproduces a database quote spans the sentences the quote covers, and states
 * only the claims whose quotes it reproduces.
 */
export function matchText(index: ClaimIndex, text: string, model: ScorerModel = scorerModel): ClaimMatch[] {
  return matchPassages(index, text, text.length, model);
}

/**
 * The claims stated in `text`, read with `lookAhead` after it (the start of the text that follows
 * it on the page), so that a quote running on into the look-ahead is found whole. Only passages
 * starting in `text` are returned; the look-ahead's own sentences are read for quotes only, never
 * scored, since what they state would be left out anyway.
 */
export function matchWithLookAhead(index: ClaimIndex, text: string, lookAhead: string, model: ScorerModel = scorerModel): ClaimMatch[] {
  if (!lookAhead) return matchText(index, text, model);
  return matchPassages(index, `${text}\n\n${lookAhead}`, text.length, model).filter((m) => m.start < text.length);
}

/** matchText, with only the sentences starting before `until` scored (see matchWithLookAhead). */
function matchPassages(index: ClaimIndex, text: string, until: number, model: ScorerModel): ClaimMatch[] {
  const spans = splitSentences(text);
  // One pass, sentence by sentence: what each states, and which quotes it may reproduce.
  const chosen: Candidate[][] = [];
  const quoteCands: { variants: number[]; candidates: Candidate[] }[] = [];
  spans.forEach((sp, i) => {
    const s = readSentence(index.tokenizer, text.slice(sp.start, sp.end), sp.start);
    const r = reach(index, s);
    chosen.push(sp.start < until ? choose(index, candidates(index, s, r, UNQUOTED, model), model) : []);
    const variants = quoteCandidates(index, s, r);
    if (variants.length) quoteCands[i] = { variants, candidates: candidates(index, s, r, new Set(variants), model) };
  });
  // A quote the page reproduces decides the claim and the span, over the sentences it covers.
  const verbatim = new Map<string, ClaimMatch>();
  const quoted = new Set<number>();
  quoteCands.forEach((q, i) => {
    for (const v of q.variants) {
      const run = quoteRun(text, spans, i, index.quotes.get(v)!);
      const c = run && q.candidates.find((x) => x.claim === index.variantClaim[v]);
      if (!run || !c) continue;
      verbatim.set(`${c.claim}/${run[0]}/${run[1]}`, toMatch(index, c, text, { start: spans[run[0]]!.start, end: spans[run[1]]!.end }, true));
      for (let k = run[0]; k <= run[1]; k++) quoted.add(k);
    }
  });
  const out = [...verbatim.values()];
  chosen.forEach((cs, i) => {
    if (!quoted.has(i)) for (const c of cs) out.push(toMatch(index, c, text, spans[i]!));
  });
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
