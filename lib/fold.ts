/**
 * Text folding for note search: the reader types "zelensky" and finds "Zelenskyy's" and
 * "ZELENSKÝ"; search is case- and diacritic-insensitive, and matches word prefixes.
 */

/** Longest word kept in the search index; longer runs (URLs, hashes) are cut, not dropped. */
const MAX_WORD = 40;

/** Lower-cases and strips diacritics (NFKD, then combining marks removed), so "É" folds to "e". */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** Splits folded text into its distinct words (letters and digits), the keys of the search index. */
export function searchWords(text: string): string[] {
  const words = new Set<string>();
  for (const match of fold(text).matchAll(/[\p{L}\p{N}]+/gu)) words.add(match[0].slice(0, MAX_WORD));
  return [...words];
}

/** Normalises a tag for storage: trimmed, inner whitespace collapsed, original case kept. */
export function normaliseTag(tag: string): string {
  return tag.trim().replace(/\s+/g, ' ');
}

/**
 * Normalises a tag list: each tag normalised, empty ones dropped, duplicates that differ only in
 * case or diacritics merged (the first spelling wins), so "Ukraine" and "ukraine " are one tag.
 */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const raw of tags) {
    const tag = normaliseTag(raw);
    if (tag && !seen.has(fold(tag))) seen.set(fold(tag), tag);
  }
  return [...seen.values()];
}
