import type { DateMention } from './dates';
import { judgeFact, readSentence, type SentenceReading } from './facts';
import type { ClaimIndex } from './index';
import type { ClaimMatch, MatchDifference } from './schema';
import { splitSentences } from './sentences';
import { isNegated } from './tokens';

/** Share of a wording's weighted terms a sentence must contain to state that claim. */
export const MIN_COVERAGE = 0.6;
/** A sentence must share at least this many terms with a wording (fewer only if the wording is shorter). */
export const MIN_TERMS = 3;
/** A second claim in the same sentence must be nearly as well covered as the first. */
const SECOND_CLAIM_MARGIN = 0.15;

interface Candidate {
  claim: number;
  coverage: number;
  agree: number;
  differs: MatchDifference[];
  facts: number;
}

/** Best coverage per claim, from the variants the sentence's terms reach through the postings. */
function coverageByClaim(index: ClaimIndex, s: SentenceReading): Map<number, number> {
  const hits = new Map<number, number>();
  for (const t of s.terms) {
    if (!Object.hasOwn(index.postings, t)) continue;
    const w = index.weights[t]!;
    for (const v of index.postings[t]!) hits.set(v, (hits.get(v) ?? 0) + w);
  }
  const best = new Map<number, number>();
  for (const [vi, posted] of hits) {
    const v = index.variants[vi]!;
    // Upper bound first: the unposted (common) terms can add at most their weight.
    if ((posted + v.unposted) / v.total < MIN_COVERAGE) continue;
    let have = posted;
    let count = 0;
    for (const t of v.terms) {
      if (!s.terms.has(t)) continue;
      count++;
      if (!Object.hasOwn(index.postings, t)) have += index.weights[t]!;
    }
    const coverage = have / v.total;
    if (count < Math.min(MIN_TERMS, v.terms.length) || coverage < MIN_COVERAGE) continue;
    if (coverage > (best.get(v.claim) ?? 0)) best.set(v.claim, coverage);
  }
  return best;
}

function judge(index: ClaimIndex, s: SentenceReading, claim: number, coverage: number, negated: boolean): Candidate {
  const c = index.claims[claim]!;
  const explained = new Set<DateMention>();
  for (const f of c.facts) {
    if (f.kind !== 'date') continue;
    for (const d of s.dates) if (d.attributed === f.attributed && judgeFact(f, { ...s, dates: [d] }, new Set()).status === 'agree') explained.add(d);
  }
  const out: Candidate = { claim, coverage, agree: 0, differs: [], facts: c.facts.length };
  for (const f of c.facts) {
    const v = judgeFact(f, s, explained);
    if (v.status === 'agree') out.agree++;
    if (v.status === 'conflict') out.differs.push({ what: f.key, expected: f.text, found: v.found });
  }
  if (negated !== c.negated) {
    out.differs.push({ what: 'negation', expected: c.negated ? 'denied' : 'stated', found: negated ? 'denied' : 'stated' });
  }
  return out;
}

/**
 * Which claim a sentence states, when several are candidates. Rule: among well-covered candidates,
 * the one whose facts agree wins ("two bombers landed in January" matches the January claim and
 * corroborates it; the UI shows the linked December claim through relations). Only when no claim
 * agrees does the sentence match the nearest claim, with stance `conflicts` and what differs.
 * Claims linked to a chosen one by a relation are alternatives for the same span and are dropped.
 */
function choose(cands: Candidate[], index: ClaimIndex): Candidate[] {
  const rank = (c: Candidate) => c.coverage + 0.05 * c.agree - 0.2 * c.differs.length;
  cands.sort((a, b) => rank(b) - rank(a));
  const chosen: Candidate[] = [];
  for (const c of cands) {
    if (chosen.some((k) => k.claim === c.claim || index.claims[k.claim]!.linked.includes(c.claim))) continue;
    if (chosen.length && c.coverage < chosen[0]!.coverage - SECOND_CLAIM_MARGIN) continue;
    chosen.push(c);
  }
  return chosen;
}

/** Finds the claims stated by one sentence (`offset` is where it starts in the page text). */
export function matchSentence(index: ClaimIndex, text: string, offset = 0): ClaimMatch[] {
  const s = readSentence(text, offset);
  const coverage = coverageByClaim(index, s);
  if (coverage.size === 0) return [];
  const negated = isNegated(s.tokens);
  const cands = [...coverage].map(([claim, cov]) => judge(index, s, claim, cov, negated));
  return choose(cands, index).map((c) => {
    const evidence = c.facts ? (c.agree + c.differs.length) / c.facts : c.coverage;
    const score = Math.round(Math.min(1, 0.8 * c.coverage + 0.2 * Math.min(1, evidence)) * 1000) / 1000;
    const base = { claimId: index.claims[c.claim]!.id, start: offset, end: offset + text.length, text, score };
    return c.differs.length ? { ...base, stance: 'conflicts' as const, differs: c.differs } : { ...base, stance: 'corroborates' as const };
  });
}

/** Finds every sentence of a text that states a database claim; spans are whole sentences. */
export function matchText(index: ClaimIndex, text: string): ClaimMatch[] {
  return splitSentences(text).flatMap((span) => matchSentence(index, text.slice(span.start, span.end), span.start));
}
