import * as z from 'zod/mini';

// zod/mini: the content script builds and paints selectors, and it is injected into every page.
// The note schema (schema.ts) uses these same schemas for its target.

/** W3C TextQuoteSelector: the quoted text with up to 64 characters of context either side. */
export const TextQuoteSelectorSchema = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().check(z.minLength(1), z.maxLength(5000)),
  prefix: z._default(z.string().check(z.maxLength(64)), ''),
  suffix: z._default(z.string().check(z.maxLength(64)), ''),
});
export type TextQuoteSelector = z.infer<typeof TextQuoteSelectorSchema>;

/** W3C TextPositionSelector: UTF-16 offsets into the page text; a hint, checked before use. */
export const TextPositionSelectorSchema = z.object({
  type: z.literal('TextPositionSelector'),
  start: z.int().check(z.nonnegative()),
  end: z.int().check(z.nonnegative()),
});
export type TextPositionSelector = z.infer<typeof TextPositionSelectorSchema>;
