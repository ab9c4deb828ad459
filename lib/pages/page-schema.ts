import * as z from 'zod/mini';
import { ClaimMatchSchema } from '../matcher/schema';

// zod/mini: these schemas reach the content script's UI part and the in-page panel.

/** What a content script reports about the page it runs in, claims in page order. */
export const PageReportSchema = z.object({
  url: z.url(),
  title: z.string().check(z.maxLength(1000)),
  words: z.int().check(z.nonnegative()),
  /** The matcher's matches, with offsets into the page's visible text. */
  claims: z.array(ClaimMatchSchema).check(z.maxLength(2000)),
});
export type PageReport = z.infer<typeof PageReportSchema>;

/** What the background knows about one tab, as the popup shows it. */
export const TabStateSchema = z.object({
  tabId: z.int(),
  page: PageReportSchema,
  reportedAt: z.int(),
});
export type TabState = z.infer<typeof TabStateSchema>;
