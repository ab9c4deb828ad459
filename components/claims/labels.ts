import type { ClaimType, SourceKind } from '../../lib/claims/schema';

/**
 * Reader-facing words for the claim database's enums and values, shared by the claim components so
 * the card and the popup name things the same way.
 */

/** What a claim's type is called on screen. */
export const CLAIM_TYPE_LABEL: Record<ClaimType, string> = {
  'reported-fact': 'Reported fact',
  allegation: 'Allegation',
  'official-statement': 'Official statement',
  opinion: 'Opinion',
};

/** A short caution for the types a reader should not take as established fact. */
export const CLAIM_TYPE_HINT: Partial<Record<ClaimType, string>> = {
  opinion: 'A view, not a checkable fact.',
  allegation: 'Asserted, not established.',
};

/** What a source's kind is called on screen. */
export const SOURCE_KIND_LABEL: Record<SourceKind, string> = {
  'wire-agency': 'Wire agency',
  'state-media': 'State media',
  official: 'Official',
  'social-media-post': 'Social media post',
  opinion: 'Opinion',
  'data-service': 'Data service',
  'news-report': 'News report',
  'fact-checker': 'Fact-checker',
  claimant: 'Claimant',
};

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/**
 * "2019-03-24" → "24 Mar 2019". Anything that is not a full ISO day is shown as the database has it
 * rather than guessed at. UTC so that the day never shifts with the reader's time zone.
 */
export function formatDay(iso: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const ms = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(ms) ? iso : dayFormat.format(ms);
}

/** "troop-count" → "Troop count": the matcher names a differing fact by its key. */
export function humanizeKey(key: string): string {
  const words = key.replace(/-/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** First letter up, for database phrases shown at the start of a line ("in January" → "In January"). */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A phrase as a lead-in label: capitalised, with a colon unless it already ends in punctuation ("Is it?"). */
export function asLabel(what: string): string {
  const text = capitalize(what.trim());
  return /[?!:.]$/.test(text) ? text : `${text}:`;
}

/** Cuts text to at most `max` characters on a word boundary, with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
