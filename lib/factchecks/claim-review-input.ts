import { z } from 'zod';
import { isoDate } from './web-values';
import {
  FactCheckSchema,
  HttpUrlSchema,
  MAX_CLAIM_TEXT,
  MAX_LIST,
  MAX_NAME,
  type Agent,
  type FactCheck,
} from './schema';
import { verdictOf } from './verdict';

/**
 * schema.org `ClaimReview` as fact-checkers publish it, read into a {@link FactCheck}. Lenient
 * about shape, where publishers differ: one value or an array; a string or a JSON-LD value object
 * (`{"@value": "…"}`); numbers as numbers or numeric strings; `author` as an object, an array or a
 * bare name; blank strings and nulls as absent. Strict about content, where it matters: every URL
 * kept is absolute http(s), every date a plausible ISO date, every text bounded.
 */

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A list from one value, an array, or nothing. At most one more than MAX_LIST is kept, so that an
 * over-long array fails the schema's `max` without a million entries being parsed first.
 */
function asList(v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]).slice(0, MAX_LIST + 1);
}

/** A text value: a string, `{"@value": "…"}`, or the first of an array of them; blank is absent. */
function textOf(v: unknown): unknown {
  const first = Array.isArray(v) ? v[0] : v;
  const value = isObject(first) && '@value' in first ? first['@value'] : first;
  return value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value;
}

/** A number, or a short numeric string read as one ("5", " -1 ", "2.5"). */
function numberOf(v: unknown): unknown {
  const value = textOf(v);
  return typeof value === 'string' && value.length <= 32 && /^\s*[-+]?(?:\d+\.?\d*|\.\d+)\s*$/.test(value)
    ? Number(value)
    : value;
}

/** Optional text, trimmed; too long is a problem, not a cut. */
const text = (max: number) =>
  z.preprocess(textOf, z.string().max(max, `must be at most ${max} characters`).transform((s) => s.trim()).optional());
const url = z.preprocess(textOf, HttpUrlSchema.optional());
const num = z.preprocess(numberOf, z.number().finite().optional());
const date = z.preprocess(
  textOf,
  z
    .string()
    .transform((value, ctx) => {
      const day = isoDate(value);
      if (day === null) {
        ctx.addIssue({ code: 'custom', message: `must be a plausible ISO 8601 date such as 2024-05-01, not ${JSON.stringify(value.slice(0, 40))}` });
      }
      return day ?? z.NEVER;
    })
    .optional(),
);

/** A list of URLs from strings or objects with a `url` (appearances). */
const urls = z
  .preprocess(
    (v) => asList(v).map((a) => textOf(isObject(a) ? a.url : a)),
    z.array(HttpUrlSchema.optional()).max(MAX_LIST, `must list at most ${MAX_LIST} URLs`),
  )
  // Entries without a url are dropped only now, so that a problem names the entry's own place.
  .transform((list) => list.filter((u) => u !== undefined));

const AgentInputSchema = z.object({ name: text(MAX_NAME), url, sameAs: z.preprocess(asList, z.array(z.unknown())) });

/** People or organisations from an object, an array, or a bare name; the first that names itself. */
const agent = z.preprocess(
  (v) => asList(v).map((a) => (typeof a === 'string' ? { name: a } : a)),
  z.array(AgentInputSchema).max(MAX_LIST, `must list at most ${MAX_LIST} authors`),
).transform((agents): Agent | null => {
  const found = agents.find((a) => a.name || a.url || a.sameAs.length);
  if (!found) return null;
  // sameAs links are kept only when they are web pages, and only the first is needed.
  const sameAs = found.sameAs.map(textOf).find((s): s is string => typeof s === 'string' && HttpUrlSchema.safeParse(s).success);
  return { name: found.name ?? null, url: found.url ?? sameAs ?? null };
});

const RatingInputSchema = z
  .object({ alternateName: text(MAX_NAME), name: text(MAX_NAME), ratingValue: num, bestRating: num, worstRating: num })
  .transform((r) => ({
    label: r.alternateName || r.name || null,
    value: r.ratingValue ?? null,
    best: r.bestRating ?? null,
    worst: r.worstRating ?? null,
  }));

const ItemReviewedInputSchema = z.object({
  author: agent,
  datePublished: date,
  appearance: urls,
  firstAppearance: urls,
  name: text(MAX_CLAIM_TEXT),
});

/** One ClaimReview node, read into a FactCheck and checked against its schema. */
export const ClaimReviewInputSchema = z
  .object({
    claimReviewed: text(MAX_CLAIM_TEXT),
    url,
    datePublished: date,
    author: agent,
    publisher: agent,
    reviewRating: z.preprocess(asList, z.array(RatingInputSchema).max(MAX_LIST, `must list at most ${MAX_LIST} ratings`)),
    itemReviewed: z.preprocess((v) => (Array.isArray(v) ? v[0] : v) ?? undefined, ItemReviewedInputSchema.optional()),
  })
  .transform((r, ctx): FactCheck => {
    const item = r.itemReviewed;
    // Some publishers name the claim only in the item reviewed.
    const claimReviewed = r.claimReviewed || item?.name;
    if (!claimReviewed) {
      ctx.addIssue({ code: 'custom', path: ['claimReviewed'], message: 'missing: a fact-check needs the claim it reviewed' });
      return z.NEVER;
    }
    return {
      claimReviewed,
      verdict: verdictOf(r.reviewRating),
      ratings: r.reviewRating,
      claimant: item?.author ?? null,
      claimDate: item?.datePublished ?? null,
      appearances: [...new Set([...(item?.firstAppearance ?? []), ...(item?.appearance ?? [])])].slice(0, MAX_LIST),
      factChecker: r.author ?? r.publisher ?? { name: null, url: null },
      url: r.url ?? null,
      datePublished: r.datePublished ?? null,
    };
  })
  .pipe(FactCheckSchema);
