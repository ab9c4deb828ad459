import type { Fact } from '../claims/schema';
import { compareDates, parseIsoDate, readDates, type DateMention, type DateParts } from './dates';
import { numbersAgree, readNumbers, type NumberMention } from './numbers';
import { isNegated, lemmaSetOf, lemmasOf, type Token, type Tokenizer } from './tokens';

/** A claim's fact, pre-read at index time into the form sentences are compared with. */
export type IndexedFact = { key: string; text: string } & (
  | { kind: 'number'; lo: number; hi: number; unit: string[] }
  | { kind: 'date'; date: DateParts & { yearStated?: boolean }; attributed: boolean }
  | { kind: 'text'; lemmas: string[]; alts: { text: string; lemmas: string[] }[]; title?: { names: string[] } }
);

/** What one sentence says, read once and compared with every candidate claim. */
export interface SentenceReading {
  text: string;
  offset: number;
  tokens: Token[];
  lemmas: Set<string>;
  numbers: NumberMention[];
  dates: DateMention[];
  negated: boolean;
}

/** A fact's verdict for one sentence: `found` is the page's wording when it differs. */
export type FactVerdict = { status: 'agree' | 'absent' } | { status: 'conflict'; found: string };

/** How close two words must be for one to stand for the other in a fact ("soldiers" for "troops"). */
export type Similar = (a: string, b: string) => number;
const UNIT_SIMILARITY = 0.7;
/** The weaker of two links through a shared neighbour. */
export const UNIT_KINSHIP = 0.65;
const TEXT_SIMILARITY = 0.7;
/** A value is given when two thirds of its words are (three of four, two of three). */
const MOST = 2 / 3 - 1e-9;

/**
 * Reads the tokens and lemmas of one sentence; its counts, dates and negation are read when first
 * asked for, since most sentences of a page come near no claim and are never compared.
 */
export function readSentence(tokenizer: Tokenizer, text: string, offset: number): SentenceReading {
  const tokens = tokenizer.tokenize(text);
  let dates: DateMention[] | undefined;
  let numbers: NumberMention[] | undefined;
  let negated: boolean | undefined;
  // Own getters, not a class's: `{ ...s, dates }` copies them as values.
  return {
    text,
    offset,
    tokens,
    lemmas: lemmaSetOf(tokens),
    get dates() {
      return (dates ??= readDates(tokens));
    },
    get numbers() {
      if (!numbers) {
        const skip = new Set<number>();
        for (const d of this.dates) for (let i = d.first; i <= d.last; i++) skip.add(i);
        numbers = readNumbers(tokens, skip, text);
      }
      return numbers;
    },
    get negated() {
      return (negated ??= isNegated(tokens));
    },
  };
}

/**
 * Pre-reads a fact. A count's unit comes from the claim statement ("Two Russian planes" → plane),
 * because fact texts are often bare ("two"). `alts` are the values linked claims give the same key.
 */
export function indexFact(tokenizer: Tokenizer, fact: Fact, statement: SentenceReading, alts: { text: string }[]): IndexedFact | null {
  const base = { key: fact.key, text: fact.text };
  const own = readSentence(tokenizer, fact.text, 0).numbers[0];
  // A detail stated as a figure ("hundreds of tons") is compared as a figure.
  if (fact.kind === 'number' || (fact.kind === 'detail' && own && own.unit.length > 0)) {
    const value = typeof fact.value === 'number' ? { lo: fact.value, hi: fact.value } : own;
    if (!value) return null;
    const inStatement = statement.numbers.find((n) => numbersAgree(n, value));
    const unit = [...(inStatement?.unit ?? []), ...(own?.unit ?? [])];
    if (unit.length === 0) return null;
    const widen = (fact.approx ?? own?.approx ?? false) && value.lo === value.hi ? 0.15 : 0;
    return { ...base, kind: 'number', lo: value.lo * (1 - widen), hi: value.hi * (1 + widen), unit };
  }
  if (fact.kind === 'date') {
    const read = readSentence(tokenizer, fact.text, 0).dates[0];
    const parts: DateParts = { ...(read ? { year: read.year, month: read.month, day: read.day, weekdays: read.weekdays } : {}) };
    const date = { ...parts, ...(typeof fact.value === 'string' ? parseIsoDate(fact.value) : {}), yearStated: read?.year !== undefined };
    for (const k of Object.keys(date) as (keyof typeof date)[]) if (date[k] === undefined) delete date[k];
    // A date the statement gives as the report's date ("Reuters reported on Sunday") is compared only with report dates.
    const said = statement.dates.find((d) => compareDates(d, date) === 'agree');
    return { ...base, kind: 'date', date, attributed: said?.attributed ?? false };
  }
  const lemmas = lemmasOf(tokenizer.tokenize(fact.text));
  if (lemmas.length === 0) return null;
  // A title belongs to the names the claim gives (not the title's own capitalised words).
  const names = fact.kind === 'title' ? statement.tokens.filter((t) => t.proper && t.lemma && !lemmas.includes(t.lemma)).map((t) => t.lemma!) : [];
  return {
    ...base,
    kind: 'text',
    lemmas,
    alts: alts.map((a) => ({ text: a.text, lemmas: lemmasOf(tokenizer.tokenize(a.text)) })),
    ...(names.length ? { title: { names } } : {}),
  };
}

/** How closely a sentence says a word: 1 in its own words, the lexicon's similarity through a near one, else 0. */
export type Said = (lemma: string) => number;

/** Share of `lemmas` said, in the same words or near ones. */
function share(lemmas: string[], said: Said): number {
  if (lemmas.length === 0) return 0;
  return lemmas.filter((l) => said(l) >= TEXT_SIMILARITY).length / lemmas.length;
}

/** What a set of words says of a word, through the lexicon (for phrases, which are few and short). */
const saidBy = (have: Set<string>, similar: Similar): Said => (l) => (have.has(l) ? 1 : Math.max(0, ...[...have].map((h) => similar(l, h))));

const slice = (s: SentenceReading, first: number, last: number) => s.text.slice(s.tokens[first]!.start, s.tokens[last]!.end);
/** Two counts count the same thing when their nouns are near, or near through one shared neighbour (`kin`). */
export const unitsAgree = (a: string[], b: string[], similar: Similar, kin: Similar) =>
  a.some((x) => b.some((y) => similar(x, y) >= UNIT_SIMILARITY || kin(x, y) >= UNIT_KINSHIP));

/** Compares one fact with a sentence: agree, conflict (with the page's value) or absent. */
export function judgeFact(
  fact: IndexedFact,
  s: SentenceReading,
  said: Said,
  explained: Set<DateMention>,
  similar: Similar,
  near: (token: number) => boolean = () => true,
  kin: Similar = () => 0,
): FactVerdict {
  if (fact.kind === 'number') {
    const same = s.numbers.filter((n) => unitsAgree(n.unit, fact.unit, similar, kin));
    if (same.some((n) => numbersAgree(n, fact))) return { status: 'agree' };
    return same[0] ? { status: 'conflict', found: slice(s, same[0].first, same[0].last) } : { status: 'absent' };
  }
  if (fact.kind === 'date') {
    const mine = s.dates.filter((d) => d.attributed === fact.attributed);
    if (mine.some((d) => compareDates(d, fact.date) === 'agree')) return { status: 'agree' };
    // A date that another fact of the same claim explains ("left Friday, landed Saturday") is no conflict.
    // Only a date told of the same words can differ: "…reached Caracas, while a plane left on Sunday" says nothing of the arrival's day.
    const clash = mine.find((d) => !explained.has(d) && near(d.first) && compareDates(d, fact.date) === 'conflict');
    return clash ? { status: 'conflict', found: slice(s, clash.first, clash.last) } : { status: 'absent' };
  }
  // Agreement wins: a page that names the claim's own title is not contradicted by naming another too.
  if (share(fact.lemmas, said) >= MOST) return { status: 'agree' };
  if (fact.title) {
    // Another title given to the same person ("Tonkoshkurov, head of the Mobilization Directorate").
    const other = titlesBeside(s, fact.title.names).find((phrase) => isTitleLike(phrase, fact.lemmas, similar));
    if (other) return { status: 'conflict', found: other.text };
  }
  for (const alt of fact.alts) {
    // Only a page that gives the other value in full, with words the claim's own value lacks.
    const distinct = alt.lemmas.filter((t) => !fact.lemmas.includes(t));
    if (distinct.length && share(distinct, said) >= MOST && share(alt.lemmas, said) >= 0.8) {
      return { status: 'conflict', found: alt.text };
    }
  }
  return { status: 'absent' };
}

type Phrase = { text: string; lemmas: Set<string> };
/** Words that end an appositive. */
const APPOSITIVE_END = /[,.;:()]/;
const MAX_APPOSITIVE = 12;

/**
 * The phrases a sentence gives beside a person's name: the appositive after it ("Vasily
 * Tonkoshkurov, head of the Mobilization Directorate,") and the words right before it ("army chief
 * Vasily Tonkoshkurov").
 */
export function titlesBeside(s: SentenceReading, names: string[]): Phrase[] {
  const out: Phrase[] = [];
  const at = s.tokens.flatMap((t, i) => (t.lemma && names.includes(t.lemma) ? [i] : []));
  if (at.length === 0) return out;
  const first = at[0]!;
  const last = at[at.length - 1]!;
  const phrase = (from: number, to: number): Phrase | null => {
    if (to < from) return null;
    const tokens = s.tokens.slice(from, to + 1);
    return { text: s.text.slice(tokens[0]!.start, tokens[tokens.length - 1]!.end), lemmas: lemmaSetOf(tokens) };
  };
  // After: ", the head of X, …"
  if (/^\s*,/.test(s.text.slice(s.tokens[last]!.end, s.tokens[last + 1]?.start ?? s.text.length))) {
    let end = last + 1;
    while (end + 1 < s.tokens.length && end - last < MAX_APPOSITIVE && !APPOSITIVE_END.test(s.text.slice(s.tokens[end]!.end, s.tokens[end + 1]!.start))) end++;
    const after = phrase(last + 1, end);
    if (after) out.push(after);
  }
  // Before: the run of words back to a comma or the sentence's start.
  let begin = first;
  while (begin > 0 && first - begin < 6 && !APPOSITIVE_END.test(s.text.slice(s.tokens[begin - 1]!.end, s.tokens[begin]!.start))) begin--;
  const before = phrase(begin, first - 1);
  if (before) out.push(before);
  return out;
}

/** A phrase is a title of the claim's kind when it names a role near the claim's ("head" for "chief"), and does not share most of it. */
function isTitleLike(phrase: Phrase, title: string[], similar: Similar): boolean {
  const near = (l: string) => title.some((t) => t === l || similar(t, l) >= 0.65);
  const said = [...phrase.lemmas].filter(near).length;
  return said > 0 && share(title, saidBy(phrase.lemmas, similar)) < MOST && [...phrase.lemmas].some((l) => !near(l));
}
