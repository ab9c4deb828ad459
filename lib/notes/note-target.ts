import * as z from 'zod/mini';
import { TextPositionSelectorSchema, TextQuoteSelectorSchema } from '../anchoring/selectors';

// zod/mini: the content script describes the text a note is on, and it is injected into every
// page. The note schema (schema.ts) and the panel's state take the target from here, so it is
// written once.

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
