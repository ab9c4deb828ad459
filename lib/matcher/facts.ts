import type { Fact } from '../claims/schema';
import { compareDates, parseIsoDate, readDates, type DateMention, type DateParts } from './dates';
import { numbersAgree, readNumbers, type NumberMention } from './numbers';
import { termsOf, tokenize, type Token } from './tokens';

/** A claim's fact, pre-read at index time into the form sentences are compared with. */
export type IndexedFact = { key: string; text: string } & (
  | { kind: 'number'; lo: number; hi: number; unit: string[] }
  | { kind: 'date'; date: DateParts & { yearStated?: boolean }; attributed: boolean }
  | { kind: 'text'; terms: string[]; alts: { text: string; terms: string[] }[] }
);

/** What one sentence says, read once and compared with every candidate claim. */
export interface SentenceReading {
  text: string;
  offset: number;
  tokens: Token[];
  terms: Set<string>;
  numbers: NumberMention[];
  dates: DateMention[];
}

/** A fact's verdict for one sentence: `found` is the page's wording when it differs. */
export type FactVerdict = { status: 'agree' | 'absent' } | { status: 'conflict'; found: string };

/** Reads the tokens, terms, counts and dates of one sentence. */
export function readSentence(text: string, offset: number): SentenceReading {
  const tokens = tokenize(text);
  const dates = readDates(tokens);
  const skip = new Set<number>();
  for (const d of dates) for (let i = d.first; i <= d.last; i++) skip.add(i);
  const terms = new Set<string>();
  for (const t of tokens) if (t.term) terms.add(t.term);
  return { text, offset, tokens, terms, numbers: readNumbers(tokens, skip, text), dates };
}

/**
 * Pre-reads a fact. A count's unit comes from the claim statement ("Two Russian planes" → plane),
 * because fact texts are often bare ("two"). `alts` are the values linked claims give the same key.
 */
export function indexFact(fact: Fact, statement: SentenceReading, alts: { text: string }[]): IndexedFact | null {
  const base = { key: fact.key, text: fact.text };
  const own = readSentence(fact.text, 0).numbers[0];
  // A detail stated as a figure ("hundreds of tons") is compared as a figure.
  if (fact.kind === 'number' || (fact.kind === 'detail' && own && own.unit.length > 0)) {
    // A value in words ("hundreds of tons") is read from the fact's text.
    const value = typeof fact.value === 'number' ? { lo: fact.value, hi: fact.value } : own;
    if (!value) return null;
    const inStatement = statement.numbers.find((n) => numbersAgree(n, value));
    const unit = [...(inStatement?.unit ?? []), ...(own?.unit ?? [])];
    if (unit.length === 0) return null;
    const widen = (fact.approx ?? own?.approx ?? false) && value.lo === value.hi ? 0.15 : 0;
    return { ...base, kind: 'number', lo: value.lo * (1 - widen), hi: value.hi * (1 + widen), unit };
  }
  if (fact.kind === 'date') {
    const read = readSentence(fact.text, 0).dates[0];
    const date = { ...read, ...(typeof fact.value === 'string' ? parseIsoDate(fact.value) : {}), yearStated: read?.year !== undefined };
    delete (date as Partial<DateMention>).first;
    delete (date as Partial<DateMention>).last;
    delete (date as Partial<DateMention>).attributed;
    // A date the statement gives as the report's date ("Reuters reported on Sunday") is compared only with report dates.
    const said = statement.dates.find((d) => compareDates(d, date) === 'agree');
    return { ...base, kind: 'date', date, attributed: said?.attributed ?? false };
  }
  const terms = termsOf(fact.text);
  if (terms.length === 0) return null;
  return { ...base, kind: 'text', terms, alts: alts.map((a) => ({ text: a.text, terms: termsOf(a.text) })) };
}

const share = (terms: string[], have: Set<string>) => (terms.length ? terms.filter((t) => have.has(t)).length / terms.length : 0);
const slice = (s: SentenceReading, first: number, last: number) =>
  s.text.slice(s.tokens[first]!.start, s.tokens[last]!.end);

/** Compares one fact with a sentence: agree, conflict (with the page's value) or absent. */
export function judgeFact(fact: IndexedFact, s: SentenceReading, explained: Set<DateMention>): FactVerdict {
  if (fact.kind === 'number') {
    const same = s.numbers.filter((n) => n.unit.some((u) => fact.unit.includes(u)));
    if (same.some((n) => numbersAgree(n, fact))) return { status: 'agree' };
    return same[0] ? { status: 'conflict', found: slice(s, same[0].first, same[0].last) } : { status: 'absent' };
  }
  if (fact.kind === 'date') {
    const mine = s.dates.filter((d) => d.attributed === fact.attributed);
    if (mine.some((d) => compareDates(d, fact.date) === 'agree')) return { status: 'agree' };
    // A date that another fact of the same claim explains ("left Friday, landed Saturday") is no conflict.
    const clash = mine.find((d) => !explained.has(d) && compareDates(d, fact.date) === 'conflict');
    return clash ? { status: 'conflict', found: slice(s, clash.first, clash.last) } : { status: 'absent' };
  }
  // Agreement wins: a page that names the claim's own title is not contradicted by naming another too.
  if (share(fact.terms, s.terms) >= 0.67) return { status: 'agree' };
  for (const alt of fact.alts) {
    // Only a page that gives the other value in full, with words the claim's own value lacks.
    const distinct = alt.terms.filter((t) => !fact.terms.includes(t));
    if (distinct.length && share(distinct, s.terms) >= 0.67 && share(alt.terms, s.terms) >= 0.8) {
      return { status: 'conflict', found: alt.text };
    }
  }
  return { status: 'absent' };
}
