import * as z from 'zod/mini';

// zod/mini: these schemas are part of the content script, which is injected into every page.

/** What a content script reports about the page it runs in. */
export const PageReportSchema = z.object({
  url: z.url(),
  title: z.string().check(z.maxLength(1000)),
  words: z.int().check(z.nonnegative()),
});
export type PageReport = z.infer<typeof PageReportSchema>;

/** What the background knows about one tab, as the popup shows it. */
export const TabStateSchema = z.object({
  tabId: z.int(),
  page: PageReportSchema,
  reportedAt: z.int(),
});
export type TabState = z.infer<typeof TabStateSchema>;
