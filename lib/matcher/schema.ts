import * as z from 'zod/mini';
import { MAX_CLAIM_ID } from '../claims/limits';

// zod/mini: matches travel into the content script (page claims, the panel's state), which is
// injected into every page and must stay small. The one schema serves the matcher, the command
// line and the messages.

/**
 * The `what` of the difference a page stating a claim a fact-checker rated false has with the
 * verdict (`expected`: the verdict's words). Not a slug, so no fact key can take it.
 */
export const FACT_CHECK_VERDICT = 'fact-check verdict';

/** One detail on which the page's wording differs from the matched claim's fact. */
export const MatchDifferenceSchema = z.object({
  /** The fact's key, e.g. "troop-count", or "negation". */
  what: z.string().check(z.minLength(1), z.maxLength(200)),
  /** The database's value, in its own words. */
  expected: z.string().check(z.minLength(1), z.maxLength(1000)),
  /** The page's value, in the page's words. */
  found: z.string().check(z.minLength(1), z.maxLength(1000)),
});
export type MatchDifference = z.infer<typeof MatchDifferenceSchema>;

/** The fields of a match, without the rules that tie them together (for schemas that extend it). */
export const ClaimMatchFieldsSchema = z.object({
  claimId: z.string().check(z.minLength(1), z.maxLength(MAX_CLAIM_ID)),
  start: z.int().check(z.nonnegative()),
  end: z.int().check(z.positive()),
  text: z.string().check(z.minLength(1), z.maxLength(5000)),
  stance: z.enum(['corroborates', 'conflicts']),
  score: z.number().check(z.gte(0), z.lte(1)),
  differs: z.optional(z.array(MatchDifferenceSchema).check(z.minLength(1))),
});

/**
 * A span of text that states a database claim. Offsets are UTF-16 code units into the text that
 * was matched (on a page, into the page's visible text).
 */
export const ClaimMatchSchema = ClaimMatchFieldsSchema.check(
  z.refine((m) => m.end > m.start, { message: 'end must be after start' }),
  z.refine((m) => (m.stance === 'conflicts') === (m.differs !== undefined), {
    message: 'a conflicting match lists what differs, and only a conflicting one',
  }),
);
export type ClaimMatch = z.infer<typeof ClaimMatchSchema>;
