/**
 * Plain checks of values read from the web (pages' meta tags and JSON-LD, fact-checkers' files):
 * web addresses and dates. No zod here: the content script uses these to read a page's source.
 */

/** Longest URL kept; longer ones are refused rather than cut, since a cut URL points elsewhere. */
export const MAX_URL = 2048;

/** True for an absolute http(s) URL of reasonable length (never `javascript:`, `data:`, relative). */
export function isHttpUrl(value: string): boolean {
  if (value.length > MAX_URL) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** Longest outlet or author name kept from a page; longer values are treated as absent. */
export const MAX_PAGE_NAME = 200;
/** Longest page title kept. */
export const MAX_PAGE_TITLE = 500;

/** Years a publication or a claim can plausibly carry; anything else is a typo or garbage. */
export const MIN_YEAR = 1800;
export const MAX_YEAR = 2100;

// A day, a month or a year, then optionally a time (T or a space) with seconds, fractions and an offset.
const ISO =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?(Z|[+-](\d{2}):?(\d{2}))?)?)?)?$/;

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The calendar date of an ISO 8601 value, as written: `2024-05-01T23:30:00-05:00` → `2024-05-01`
 * (the publisher's own day, not shifted to UTC); `2024-05` and `2024` stay as they are. Null for
 * anything else: other formats, impossible dates (February 30, hour 25), years outside
 * 1800–2100. Surrounding white space is ignored.
 */
export function isoDate(value: string): string | null {
  if (value.length > 40) return null;
  const m = ISO.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, , oh, om] = m;
  const year = Number(y);
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  if (mo === undefined) return y!;
  const month = Number(mo);
  if (month < 1 || month > 12) return null;
  if (d === undefined) return `${y}-${mo}`;
  const day = Number(d);
  if (day < 1 || day > daysIn(year, month)) return null;
  if (h !== undefined && (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 60)) return null;
  if (oh !== undefined && (Number(oh) > 14 || Number(om) > 59)) return null;
  return `${y}-${mo}-${d}`;
}
