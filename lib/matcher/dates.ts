import type { Token } from './tokens';

/** A date as far as the text pins it down: any of year, month, day, or the possible weekdays. */
export interface DateParts {
  year?: number;
  month?: number;
  day?: number;
  /** 0 = Sunday … 6 = Saturday; "the weekend" is [6, 0]. */
  weekdays?: number[];
}

/** A date read from text, with the token range it covers. */
export interface DateMention extends DateParts {
  first: number;
  last: number;
  /** Said of the report, not the event ("Reuters reported Sunday"): never compared. */
  attributed: boolean;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const SHORT_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sept', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
/** Dates right after these words say when something was said, not when it happened. */
const ATTRIBUTION = new Set(['said', 'says', 'reported', 'reports', 'told', 'announced', 'wrote', 'tweeted', 'stated', 'according', 'report', 'statement', 'address', 'confirmed', 'added', 'claimed', 'insisted', 'denied', 'warned']);
/** A date that opens a sentence and is followed soon by one of these says when it was said: "On Tuesday the ministry confirmed that…". */
const OPENING = 3;
const SAID_WITHIN = 6;

function monthOf(t: Token): number | undefined {
  const i = MONTHS.indexOf(t.lower);
  if (i >= 0 && (t.lower !== 'may' || t.raw === 'May')) return i + 1;
  const j = SHORT_MONTHS.indexOf(t.lower);
  return j >= 0 && t.raw[0] === t.raw[0]!.toUpperCase() && t.lower !== 'may' && t.lower !== 'mar' ? j + 1 : undefined;
}

const isDay = (t: Token | undefined) => !!t && /^\d{1,2}$/.test(t.lower) && +t.lower >= 1 && +t.lower <= 31;
const isYear = (t: Token | undefined) => !!t && /^(?:19|20)\d\d$/.test(t.lower);

/** Reads month names with day and year, weekdays, "the weekend" and bare years. */
export function readDates(tokens: Token[]): DateMention[] {
  const out: DateMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    let m: DateMention | null = null;
    const month = monthOf(t);
    if (month !== undefined) {
      // "May" is a month only beside a number or after a preposition.
      if (t.lower === 'may' && !isDay(tokens[i + 1]) && !isYear(tokens[i + 1]) && !/^(?:in|since|until|to|of|early|late|mid)$/.test(tokens[i - 1]?.lower ?? '')) continue;
      m = { month, first: i, last: i, attributed: false };
      if (isDay(tokens[i + 1])) {
        m.day = +tokens[i + 1]!.lower;
        m.last = i + 1;
      } else if (isDay(tokens[i - 1])) {
        m.day = +tokens[i - 1]!.lower;
        m.first = i - 1;
      }
      if (isYear(tokens[m.last + 1])) {
        m.year = +tokens[m.last + 1]!.lower;
        m.last += 1;
      }
    } else if (WEEKDAYS.includes(t.lower)) {
      m = { weekdays: [WEEKDAYS.indexOf(t.lower)], first: i, last: i, attributed: false };
    } else if (t.lower === 'weekend') {
      m = { weekdays: [6, 0], first: i, last: i, attributed: false };
    } else if (isYear(t) && !(out.length && out[out.length - 1]!.last >= i)) {
      m = { year: +t.lower, first: i, last: i, attributed: false };
    }
    if (!m) continue;
    if (out.length && out[out.length - 1]!.last >= m.first) out.pop();
    const before = [1, 2, 3, 4].map((k) => tokens[m.first - k]?.lower ?? '');
    const opensSaying = m.first < OPENING && tokens.slice(m.last + 1, m.last + 1 + SAID_WITHIN).some((t) => ATTRIBUTION.has(t.lower));
    m.attributed = ATTRIBUTION.has(before[0]!) || (before[0] === 'on' && ATTRIBUTION.has(before[1]!)) || before.includes('according') || opensSaying;
    out.push(m);
    i = m.last;
  }
  return out;
}

/** Parses an ISO date value from the database ("2019", "2019-03", "2019-03-23"). */
export function parseIsoDate(value: string): DateParts {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return {};
  const parts: DateParts = { year: +m[1]! };
  if (m[2]) parts.month = +m[2];
  if (m[3]) {
    parts.day = +m[3];
    parts.weekdays = [new Date(Date.UTC(parts.year!, parts.month! - 1, parts.day)).getUTCDay()];
  }
  return parts;
}

/**
 * Compares a date on the page with a claim's date on the fields both state.
 * 'unknown' when they share none (a bare year against a weekday).
 */
export function compareDates(page: DateParts, claim: DateParts & { yearStated?: boolean }): 'agree' | 'conflict' | 'unknown' {
  // A bare year on the page ("the 2016 campaign") is context, compared only with a claim that states a year.
  if (page.month === undefined && page.weekdays === undefined && !claim.yearStated) return 'unknown';
  let shared = 0;
  for (const k of ['year', 'month', 'day'] as const) {
    if (page[k] === undefined || claim[k] === undefined) continue;
    if (page[k] !== claim[k]) return 'conflict';
    shared++;
  }
  if (page.weekdays && claim.weekdays) {
    if (!page.weekdays.some((d) => claim.weekdays!.includes(d))) return 'conflict';
    shared++;
  }
  return shared ? 'agree' : 'unknown';
}
