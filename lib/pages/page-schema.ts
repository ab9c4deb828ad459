import * as z from 'zod/mini';

// zod/mini: these schemas are part of the content script, which is injected into every page.

/** One detail on which the page's sentence differs from the claim it states. */
export const PageDifferenceSchema = z.object({
  what: z.string().check(z.minLength(1)),
  expected: z.string().check(z.minLength(1)),
  found: z.string().check(z.minLength(1)),
});

/**
 * A claim found on the page: which claim, where (offsets into the page's text), the page's own
 * sentence, and whether it agrees. The same shape as the matcher's `ClaimMatch`.
 */
export const PageClaimSchema = z.object({
  claimId: z.string().check(z.minLength(1), z.maxLength(200)),
  start: z.int().check(z.nonnegative()),
  end: z.int().check(z.positive()),
  text: z.string().check(z.minLength(1), z.maxLength(5000)),
  stance: z.enum(['corroborates', 'conflicts']),
  score: z.number().check(z.gte(0), z.lte(1)),
  differs: z.optional(z.array(PageDifferenceSchema)),
});
export type PageClaim = z.infer<typeof PageClaimSchema>;

/** A claim found in one block of page text; here `start` and `end` are offsets into that block. */
export const BlockMatchSchema = z.extend(PageClaimSchema, { block: z.int().check(z.nonnegative()) });
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
