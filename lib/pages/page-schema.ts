import * as z from 'zod/mini';
import { ClaimMatchFieldsSchema, ClaimMatchSchema, type ClaimMatch } from '../matcher/schema';

// zod/mini: these schemas are part of the content script, which is injected into every page.

/** A claim found on the page: the matcher's match, with offsets into the page's visible text. */
export const PageClaimSchema = ClaimMatchSchema;
export type PageClaim = ClaimMatch;

/** A claim found in one block of page text; here `start` and `end` are offsets into that block. */
export const BlockMatchSchema = z.extend(ClaimMatchFieldsSchema, { block: z.int().check(z.nonnegative()) });
export type BlockMatch = z.infer<typeof BlockMatchSchema>;

/** What a content script reports about the page it runs in, claims in page order. */
export const PageReportSchema = z.object({
  url: z.url(),
  title: z.string().check(z.maxLength(1000)),
  words: z.int().check(z.nonnegative()),
  claims: z.array(PageClaimSchema).check(z.maxLength(2000)),
});
export type PageReport = z.infer<typeof PageReportSchema>;

/** What the background knows about one tab, as the popup shows it. */
export const TabStateSchema = z.object({
  tabId: z.int(),
  page: PageReportSchema,
  reportedAt: z.int(),
});
export type TabState = z.infer<typeof TabStateSchema>;
