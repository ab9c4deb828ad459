import { z } from 'zod';
import { DaySchema, HttpUrlSchema } from '../factchecks/schema';
import { MAX_PAGE_NAME, MAX_PAGE_TITLE } from '../factchecks/web-values';

/**
 * The source of a page, as the content script reads it (`page-source.ts`) and as the reader's
 * store keeps it for a tracked claim or a sighting. Its fields are the claim database's article
 * fields of the same names, so a page becomes an article one to one. Full zod: this runs where the
 * page source is received and stored (background, extension pages), not in the page.
 */

export const PageSourceSchema = z.object({
  /** The page's canonical URL (`lib/notes/canonical-url.ts`, the rule notes are filed by). */
  url: HttpUrlSchema,
  /** `og:site_name`, else the host without `www.`. */
  outlet: z.string().trim().min(1).max(MAX_PAGE_NAME),
  /** `og:title`, else the document's title, else the URL. */
  title: z.string().trim().min(1).max(MAX_PAGE_TITLE),
  /** From the page's article JSON-LD or its meta tags; null when the page does not say. */
  author: z.string().trim().min(1).max(MAX_PAGE_NAME).nullable(),
  /** The publication day, likewise; null when the page does not say. */
  published: DaySchema.nullable(),
});
export type PageSource = z.infer<typeof PageSourceSchema>;
