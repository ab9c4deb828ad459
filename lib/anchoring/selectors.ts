import * as z from 'zod/mini';

// zod/mini: the content script describes and paints selected text, and it is injected into every
// page. Notes (their target, their marks on a page) and readers' claims take these from here.

/** Longest quote kept; a longer selection is cut at its end. */
export const MAX_QUOTE = 5000;

/** W3C TextQuoteSelector: the quoted text with up to 64 characters of context either side. */
export const TextQuoteSelectorSchema = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().check(z.minLength(1), z.maxLength(MAX_QUOTE)),
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

/** The W3C selectors that find a piece of page text again: its quote in context, and its offsets. */
export const TextSelectorsSchema = z.object({ quote: TextQuoteSelectorSchema, position: z.optional(TextPositionSelectorSchema) });
export type TextSelectors = z.infer<typeof TextSelectorsSchema>;
