import type { DateMention } from './dates';
import { judgeFact, readSentence, type SentenceReading } from './facts';
import type { ClaimIndex } from './claim-index';
import type { ClaimMatch, MatchDifference } from './schema';
import { splitSentences } from './sentences';
import { isNegated } from './tokens';
import { flatten, quoteRun } from './verbatim';

/** Share of a wording's weighted terms a sentence must contain to state that claim. */
export const MIN_COVERAGE = 0.7;
/** A sentence must share at least this many terms with a wording (fewer only if the wording is shorter). */
export const MIN_TERMS = 3;
/**
 * A long wording is fully stated by this much of its weight: a paraphrase keeps a long claim's gist
 * (who did what, and its figures), not every detail. About five distinctive words.
 */
export const FULL_WEIGHT = 16;
/** Coverage a conflicting match needs (and a second claim in the same sentence). */
export const MIN_CONFLICT_COVERAGE = 0.8;
/** Coverage a second claim in the same sentence needs. */
export const SECOND_COVERAGE = 0.7;
/** Share of a claim's predicate weight that a sentence with fewer than two of its predicate words must state. */
export const PREDICATE_SHARE = 0.4;
/** Coverage taken off a claim when the sentence counts something other than what the claim counts. */
const COUNTS_OTHER_PENALTY = 0.15;

interface Candidate {
  claim: number;
  coverage: number;
  /** Share of the sentence's own terms (weighted) that the claim accounts for. */
  explains: number;
  /** The sentence counts something, but not what the claim counts ("two journalists" for "two planes"). */
  countsOther: boolean;
  /** The sentence terms the claim's best wording accounts for. */
  terms: string[];
  negationDiffers: boolean;
  agree: number;
  differs: MatchDifference[];
  facts: number;
}

/** What a sentence reaches in the index: best coverage per claim, and the quotes it fully contains. */
interface Reach {
  coverage: Map<number, { coverage: number; variant: number }>;
  quotes: number[];
}

function reach(index: ClaimIndex, s: SentenceReading): Reach {
  const hits = new Map<number, number>();
  const counts = new Map<number, number>();
  for (const t of s.terms) {
    if (!Object.hasOwn(index.postings, t)) continue;
    const w = index.weights[t]!;
    for (const v of index.postings[t]!) {
      hits.set(v, (hits.get(v) ?? 0) + w);
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
  }
  const out: Reach = { coverage: new Map(), quotes: [] };
  for (const [vi, posted] of hits) {
    const v = index.variants[vi]!;
    // Upper bound first: the unposted (common) terms can add at most their weight.
    const denominator = Math.min(v.total, FULL_WEIGHT);
    if (!v.quote && (posted + v.unposted) / denominator < MIN_COVERAGE) continue;
    let have = posted;
    let count = 0;
    for (const t of v.terms) {
      if (!s.terms.has(t)) continue;
      count++;
      if (!Object.hasOwn(index.postings, t)) have += index.weights[t]!;
    }
    // The sentence contains the quote, or lies mostly inside it (quotes can run over sentences).
    const inside = counts.get(vi)!;
    if (v.quote && (count === v.terms.length || (inside >= Math.min(2, s.terms.size) && inside >= 0.8 * s.terms.size))) {
      out.quotes.push(vi);
    }
    const coverage = Math.min(1, have / denominator);
    if (count < Math.min(MIN_TERMS, v.terms.length) || coverage < MIN_COVERAGE) continue;
    if (coverage > (out.coverage.get(v.claim)?.coverage ?? 0)) out.coverage.set(v.claim, { coverage, variant: vi });
  }
  return out;
}

function judge(index: ClaimIndex, s: SentenceReading & { negated: boolean }, claim: number, coverage: number, variant = -1): Candidate {
  const c = index.claims[claim]!;
  const terms = variant < 0 ? [] : index.variants[variant]!.terms.filter((t) => s.terms.has(t));
  // Dates that one of the claim's date facts explains are no conflict for its others ("left Friday, landed Saturday").
  const explained = new Set<DateMention>();
  for (const f of c.facts) {
    if (f.kind !== 'date') continue;
    for (const d of s.dates) if (judgeFact(f, { ...s, dates: [d] }, new Set()).status === 'agree') explained.add(d);
  }
  const negated = s.negated;
  let all = 0;
  for (const t of s.terms) all += index.weights[t] ?? index.rareWeight;
  let mine = 0;
  for (const t of terms) mine += index.weights[t]!;
  const units = c.facts.flatMap((f) => (f.kind === 'number' ? f.unit : []));
  const counted = s.numbers.filter((n) => n.unit.length > 0);
  const countsOther = units.length > 0 && counted.length > 0 && !counted.some((n) => n.unit.some((u) => units.includes(u)));
  const out: Candidate = { claim, coverage, explains: all ? mine / all : 0, countsOther, terms, negationDiffers: negated !== c.negated, agree: 0, differs: [], facts: c.facts.length };
  for (const f of c.facts) {
    const v = judgeFact(f, s, explained);
    if (v.status === 'agree') out.agree++;
    if (v.status === 'conflict') out.differs.push({ what: f.key, expected: f.text, found: v.found });
  }
  if (out.negationDiffers) {
    out.differs.push({ what: 'negation', expected: c.negated ? 'denied' : 'stated', found: negated ? 'denied' : 'stated' });
  }
  return out;
}

/**
 * Which claims a sentence states, when several are candidates. Rule: among well-covered candidates
 * the one whose facts agree wins, so "two bombers landed in January" matches the January claim and
 * corroborates it (the UI shows the conflicting December claim through relations). Only when no
 * candidate agrees does the sentence match the nearest claim, with stance `conflicts` and what
 * differs. Claims linked to a chosen one by a relation are alternatives for the same span: dropped.
 */
function choose(index: ClaimIndex, cands: Candidate[]): Candidate[] {
  // Counting something else weakens a claim; a conflict needs the rest of the claim clearly there,
  // else it is another event told in the same words.
  const support = (c: Candidate) => c.coverage - (c.countsOther ? COUNTS_OTHER_PENALTY : 0);
  // Naming a claim's people and places is not stating it: some of what happened must be there too.
  const states = (c: Candidate) => {
    const predicate = index.claims[c.claim]!.predicate;
    const said = c.terms.filter((t) => predicate.includes(t));
    const weight = (ts: string[]) => ts.reduce((sum, t) => sum + index.weights[t]!, 0);
    return said.length >= Math.min(2, predicate.length) && weight(said) >= PREDICATE_SHARE * weight(predicate);
  };
  const kept = cands.filter((c) => states(c) && support(c) >= (c.differs.length ? MIN_CONFLICT_COVERAGE : MIN_COVERAGE));
  // Rank by how much of the claim the sentence states and how much of the sentence the claim explains.
  const rank = (c: Candidate) => (support(c) + c.explains) / 2 - 0.15 * c.differs.length + 0.05 * c.agree;
  kept.sort((a, b) => rank(b) - rank(a));
  // The rule above: a claim whose facts agree beats a linked one it conflicts with.
  const top = kept[0];
  if (top?.differs.length) {
    const linked = index.claims[top.claim]!.linked;
    const agreeing = cands.find((c) => linked.includes(c.claim) && !c.differs.length && c.agree > 0 && support(c) >= MIN_COVERAGE);
    if (agreeing) kept.unshift(agreeing);
  }
  const chosen: Candidate[] = [];
  const explained = new Set<string>();
  for (const c of kept) {
    if (chosen.some((k) => k.claim === c.claim || index.claims[k.claim]!.linked.includes(c.claim))) continue;
    // A second claim in one sentence must rest on words the first ones do not already account for.
    const own = c.terms.filter((t) => !explained.has(t));
    const backed = own.length >= 2 || (own.length === 1 && c.agree > 0 && !c.differs.length);
    if (chosen.length && (support(c) < SECOND_COVERAGE || !backed)) continue;
    chosen.push(c);
    for (const t of c.terms) explained.add(t);
  }
  return chosen;
}

function toMatch(index: ClaimIndex, c: Candidate, text: string, start: number, end: number, verbatim = false): ClaimMatch {
  const evidence = c.facts ? (c.agree + c.differs.length) / c.facts : c.coverage;
  const score = verbatim ? 1 : Math.round(Math.min(1, 0.8 * c.coverage + 0.2 * Math.min(1, evidence)) * 1000) / 1000;
  const base = { claimId: index.claims[c.claim]!.id, start, end, text: text.slice(start, end), score };
  // A source's own verbatim words cannot conflict with the claim recorded from them.
  if (verbatim || c.differs.length === 0) return { ...base, stance: 'corroborates' };
  return { ...base, stance: 'conflicts', differs: c.differs };
}

/**
 * Finds every passage of a text that states a database claim. Spans are whole sentences; a
 * passage that reproduces a database quote spans the sentences the quote covers, and states
 * only the claims whose quotes it reproduces.
 */
export function matchText(index: ClaimIndex, text: string): ClaimMatch[] {
  const spans = splitSentences(text);
  const readings = spans.map((sp) => {
    const s = readSentence(text.slice(sp.start, sp.end), sp.start);
    return { ...s, negated: isNegated(s.tokens) };
  });
  const reaches = readings.map((s) => reach(index, s));
  let page: ReturnType<typeof flatten> | undefined;
  const verbatim = new Map<string, { claim: number; first: number; last: number }>();
  const quoted = new Set<number>();
  reaches.forEach((r, i) => {
    for (const vi of r.quotes) {
      page ??= flatten(text);
      const v = index.variants[vi]!;
      const run = quoteRun(page, spans, i, v.quote!);
      if (!run) continue;
      verbatim.set(`${v.claim}/${run[0]}/${run[1]}`, { claim: v.claim, first: run[0], last: run[1] });
      for (let k = run[0]; k <= run[1]; k++) quoted.add(k);
    }
  });
  const out: ClaimMatch[] = [];
  for (const { claim, first, last } of verbatim.values()) {
    const c = judge(index, readings[first]!, claim, 1);
    out.push(toMatch(index, c, text, spans[first]!.start, spans[last]!.end, true));
  }
  readings.forEach((s, i) => {
    if (quoted.has(i)) return;
    const cands = [...reaches[i]!.coverage].map(([claim, c]) => judge(index, s, claim, c.coverage, c.variant));
    for (const c of choose(index, cands)) out.push(toMatch(index, c, text, spans[i]!.start, spans[i]!.end));
  });
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
