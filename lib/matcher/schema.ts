import { z } from 'zod';

/** One detail on which the page's wording differs from the matched claim's fact. */
export const MatchDifferenceSchema = z.object({
  /** The fact's key, e.g. "troop-count", or "negation". */
  what: z.string().min(1),
  /** The database's value, in its own words. */
  expected: z.string().min(1),
  /** The page's value, in the page's words. */
  found: z.string().min(1),
});
export type MatchDifference = z.infer<typeof MatchDifferenceSchema>;

/**
 * A span of page text that states a database claim. Matches cross between extension contexts
 * (content script → background → popup), so receivers parse them with this schema.
 * Offsets are UTF-16 code units into the text that was matched.
 */
export const ClaimMatchSchema = z
  .object({
    claimId: z.string().min(1),
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
    text: z.string().min(1),
    stance: z.enum(['corroborates', 'conflicts']),
    score: z.number().min(0).max(1),
    differs: z.array(MatchDifferenceSchema).min(1).optional(),
  })
  .refine((m) => m.end > m.start, { message: 'end must be after start' })
  .refine((m) => (m.stance === 'conflicts') === (m.differs !== undefined), {
    message: 'a conflicting match lists what differs, and only a conflicting one',
  });
export type ClaimMatch = z.infer<typeof ClaimMatchSchema>;
