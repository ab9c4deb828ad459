/**
 * Limits and choices of a note body, in a module without zod so the in-page editor (content
 * script) can check input without pulling zod into the page. schema.ts builds on these, so the
 * zod schema stays the single source of truth for what is stored.
 */

/** The highlight colours a note can have. */
export const NOTE_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;

/** Longest note text, in characters. */
export const MAX_NOTE_TEXT = 20_000;
/** Longest tag, in characters. */
export const MAX_TAG_LENGTH = 40;
/** Most tags on one note. */
export const MAX_TAGS = 20;
