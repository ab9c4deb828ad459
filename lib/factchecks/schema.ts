import { z } from 'zod';
import { isHttpUrl, isoDate, MAX_URL } from './web-values';
import { VERDICTS } from './verdict';

/**
 * A fact-check as Crosscheck keeps it: schema.org `ClaimReview` in one flat, strict shape,
 * whatever shape the fact-checker published (`claim-review-input.ts` reads those). The single
 * source of truth for the types: the parser's output, the reader's store and the card all use it.
 */

/** Longest claim text kept (fact-checkers sometimes quote a paragraph; nobody quotes a page). */
export const MAX_CLAIM_TEXT = 2000;
/** Longest name (fact-checker, claimant) or rating label. */
export const MAX_NAME = 300;
/** Most ratings, appearances or authors read from one review. */
export const MAX_LIST = 20;

/** An absolute http(s) URL: a fact-check's links are shown to the reader, who may click them. */
export const HttpUrlSchema = z
  .string()
  .max(MAX_URL, { error: `must be a URL of at most ${MAX_URL} characters`, abort: true })
  .refine(isHttpUrl, 'must be an absolute http(s) URL');

/** A calendar date as Crosscheck keeps it: `2024-05-01`, or `2024-05` or `2024` when that is all we know. */
export const DaySchema = z
  .string()
  .max(10)
  .refine((value) => isoDate(value) === value, 'must be a plausible ISO date: 2024, 2024-05 or 2024-05-01');

/** A name or label: trimmed, non-empty, bounded. */
export const NameSchema = z.string().trim().min(1).max(MAX_NAME);

/** The verdict class derived from the ratings (see verdict.ts). */
export const VerdictSchema = z.enum(VERDICTS);
export type Verdict = z.infer<typeof VerdictSchema>;

/** One `reviewRating`: its words and its number on its scale, each null when not given. */
export const RatingSchema = z.object({
  /** `alternateName`: the verdict in the fact-checker's words ("Pants on Fire"). */
  label: NameSchema.nullable(),
  value: z.number().finite().nullable(),
  best: z.number().finite().nullable(),
  worst: z.number().finite().nullable(),
});
export type Rating = z.infer<typeof RatingSchema>;

/** A person or organisation: the fact-checker, or whoever made the claim. */
export const AgentSchema = z.object({
  name: NameSchema.nullable(),
  /** Their page: `url`, else the first http(s) `sameAs`. */
  url: HttpUrlSchema.nullable(),
});
export type Agent = z.infer<typeof AgentSchema>;

/** One fact-check: the claim, who made it where and when, the verdict, and who checked it. */
export const FactCheckSchema = z.object({
  claimReviewed: z.string().trim().min(1).max(MAX_CLAIM_TEXT),
  verdict: VerdictSchema,
  ratings: z.array(RatingSchema).max(MAX_LIST),
  /** `itemReviewed.author`: who made the claim. */
  claimant: AgentSchema.nullable(),
  /** `itemReviewed.datePublished`: when the claim was made. */
  claimDate: DaySchema.nullable(),
  /** `itemReviewed.firstAppearance`, then `appearance`: where the claim was made. */
  appearances: z.array(HttpUrlSchema).max(MAX_LIST),
  /** The review's `author`. */
  factChecker: AgentSchema,
  /** The review's own page. */
  url: HttpUrlSchema.nullable(),
  datePublished: DaySchema.nullable(),
});
export type FactCheck = z.infer<typeof FactCheckSchema>;
