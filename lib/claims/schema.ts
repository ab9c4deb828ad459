import { z } from 'zod';

/**
 * The claim database's schema: the single source of truth for its types.
 * Ids are readable, stable slugs so that notes, relations and tests can refer to them for good.
 */
export const SlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case slug such as "russian-troops-land"');

/** One of the articles the database was drawn from. */
export const ArticleSchema = z.object({
  id: SlugSchema,
  /** The source (outlet) that published the article: the first link of every attribution chain in it. */
  sourceId: SlugSchema,
  /** The article's text file name, as listed in the articles folder's articles.json. */
  file: z.string().min(1),
  title: z.string().min(1),
  outlet: z.string().nullable(),
  author: z.string().nullable(),
  published: z.string().nullable(),
  kind: z.string().min(1),
  url: z.url().nullable(),
});
export type Article = z.infer<typeof ArticleSchema>;

/** What kind of origin a source is; drives how the UI weighs and labels it. */
export const SourceKindSchema = z.enum([
  'wire-agency',
  'news-report',
  'state-media',
  'official',
  'social-media-post',
  'opinion',
  'data-service',
  /** A fact-checker, for fact-checks the reader collected (schema.org ClaimReview). */
  'fact-checker',
  /** Whoever made a claim a fact-checker reviewed (ClaimReview's itemReviewed.author). */
  'claimant',
]);
export type SourceKind = z.infer<typeof SourceKindSchema>;

/** An outlet or origin that states something: an article's outlet, or one it attributes to. */
export const SourceSchema = z.object({
  id: SlugSchema,
  name: z.string().min(1),
  kind: SourceKindSchema,
  url: z.url().nullable(),
  author: z.string().nullable(),
  date: z.string().nullable(),
});
export type Source = z.infer<typeof SourceSchema>;

export const ClaimTypeSchema = z.enum(['reported-fact', 'allegation', 'official-statement', 'opinion']);
export type ClaimType = z.infer<typeof ClaimTypeSchema>;

/**
 * A detail a claim turns on. Two statements of the same claim that disagree on a fact conflict.
 * `approx` marks figures stated loosely ("nearly 100"), which agree with nearby exact figures.
 */
export const FactSchema = z.object({
  key: SlugSchema,
  kind: z.enum(['number', 'date', 'title', 'place', 'detail']),
  value: z.union([z.string().min(1), z.number()]),
  text: z.string().min(1),
  approx: z.boolean().optional(),
});
export type Fact = z.infer<typeof FactSchema>;

/** One checkable statement. */
export const ClaimSchema = z.object({
  id: SlugSchema,
  statement: z.string().min(1),
  type: ClaimTypeSchema,
  entities: z.array(z.string().min(1)),
  facts: z.array(FactSchema),
});
export type Claim = z.infer<typeof ClaimSchema>;

/** Source S states claim C in article A, in these exact words, through this attribution chain. */
export const AssertionSchema = z.object({
  id: SlugSchema,
  claimId: SlugSchema,
  sourceId: SlugSchema,
  articleId: SlugSchema,
  quote: z.string().min(1),
  /** Who passed it on, outermost first: ["global-research", "reuters", "flightradar24"]. */
  attribution: z.array(SlugSchema).min(1),
  /** The article's own words for the chain, e.g. "Reuters reported ... according to Flightradar24". */
  attributionText: z.string().min(1),
});
export type Assertion = z.infer<typeof AssertionSchema>;

/** One detail on which two claims disagree, in words the UI can show side by side. */
export const DifferenceSchema = z.object({
  aspect: z.enum(['number', 'date', 'title', 'place', 'framing', 'detail']),
  what: z.string().min(1),
  /** How the relation's `from` claim has it. */
  from: z.string().min(1),
  /** How the relation's `to` claim has it. */
  to: z.string().min(1),
  /** The key of the fact that differs, when both claims carry it (checked: both have it, and it differs). */
  fact: SlugSchema.optional(),
});
export type Difference = z.infer<typeof DifferenceSchema>;

export const RelationSchema = z.object({
  id: SlugSchema,
  kind: z.enum(['corroborates', 'conflicts']),
  from: SlugSchema,
  to: SlugSchema,
  differs: z.array(DifferenceSchema),
  note: z.string().optional(),
});
export type Relation = z.infer<typeof RelationSchema>;

export const ClaimDatabaseSchema = z.object({
  version: z.number().int().positive(),
  articles: z.array(ArticleSchema),
  sources: z.array(SourceSchema),
  claims: z.array(ClaimSchema),
  assertions: z.array(AssertionSchema),
  relations: z.array(RelationSchema),
});
export type ClaimDatabase = z.infer<typeof ClaimDatabaseSchema>;
