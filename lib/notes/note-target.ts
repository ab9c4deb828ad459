import * as z from 'zod/mini';
import { MAX_QUOTE } from './limits';

// zod/mini: the content script describes the text a note is on, and it is injected into every
// page. The note schema (schema.ts) and the panel's state take the target from here, so it is
// written once.

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

/**
 * A web page's address: http or https only. Notes are made on web pages; a `javascript:` or
 * `data:` target (from an import, or from sync) would be shown as a link the reader might click.
 */
export const HttpUrlSchema = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).check(z.maxLength(8192));

/** What a note is on: the page and selectors for the quoted text. */
export const NoteTargetSchema = z.object({
  /** The page's canonical URL (canonical link, tracking parameters and fragment dropped). */
  source: HttpUrlSchema,
  /** The URL as the reader saw it. */
  url: HttpUrlSchema,
  title: z._default(z.string().check(z.maxLength(500)), ''),
  quote: TextQuoteSelectorSchema,
  position: z.optional(TextPositionSelectorSchema),
});
export type NoteTarget = z.infer<typeof NoteTargetSchema>;
