import * as z from 'zod/mini';
import { ClaimMatchSchema, type ClaimMatch } from '../matcher/schema';

// zod/mini: these schemas reach the content script's UI part and the in-page panel.

/** A claim found on the page: the matcher's match, with offsets into the page's visible text. */
export const PageClaimSchema = ClaimMatchSchema;
export type PageClaim = ClaimMatch;

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
