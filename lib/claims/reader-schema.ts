import { z } from 'zod';
import { FactCheckSchema, HttpUrlSchema } from '../factchecks/schema';
import { TextPositionSelectorSchema, TextQuoteSelectorSchema } from '../anchoring/selectors';
import { normalizeWhitespace } from './integrity';
import { PageSourceSchema } from './page-source-schema';
import { ClaimDatabaseSchema, ClaimSchema, DifferenceSchema, FactSchema, SourceKindSchema } from './schema';

/**
 * The reader's own claim store: claims they track, where they saw them again, the fact-checks they
 * collected and the claim packs they imported. Built on the bundled database's schemas (a tracked
 * claim is a ClaimSchema claim; what differs is a DifferenceSchema), so `toClaimDatabase` turns the
 * store into a database of the same shape. Every write is parsed with these schemas.
 */

/** Longest statement the reader can keep. */
export const MAX_STATEMENT = 2000;

/** A time in milliseconds since 1970. */
export const TimestampSchema = z.number().int().min(0).max(8.64e15);
/** Tracked claims and sightings are made on one device or another: UUIDs never collide. */
export const ReaderIdSchema = z.uuid();
/** A collected fact-check's or a pack's id: a hash of what it is, so the same one gets the same id. */
export const HashIdSchema = z.string().regex(/^[0-9a-f]{16}$/, 'must be 16 hex digits');

const StatementSchema = z.string().trim().min(1).max(MAX_STATEMENT);

/** Where words were read: the page's source, the verbatim quote and where it was on the page. */
const sightedWords = {
  page: PageSourceSchema,
  quote: TextQuoteSelectorSchema,
  position: z.optional(TextPositionSelectorSchema),
};

/** What the reader can edit on a tracked claim. */
const claimFields = {
  statement: StatementSchema,
  type: ClaimSchema.shape.type,
  entities: z.array(z.string().trim().min(1).max(200)).max(50),
  /** The details it turns on; each one's `text` must be in the quote, as in the bundled database. */
  facts: z.array(FactSchema).max(50),
  /** What the page's outlet is: a news report unless the reader says otherwise. */
  sourceKind: SourceKindSchema,
};
const claimDefaults = {
  entities: claimFields.entities.default([]),
  facts: claimFields.facts.default([]),
  sourceKind: claimFields.sourceKind.default('news-report'),
};

const stored = { created: TimestampSchema, modified: TimestampSchema, deleted: z.boolean().default(false) };

/** The integrity check's rule, kept at every write: a fact is worded as in the quote. */
function factsInQuote(claim: { facts: { text: string }[]; quote: { exact: string } }, ctx: z.RefinementCtx): void {
  const quote = normalizeWhitespace(claim.quote.exact).toLowerCase();
  claim.facts.forEach((fact, i) => {
    if (!quote.includes(normalizeWhitespace(fact.text).toLowerCase())) {
      ctx.addIssue({ code: 'custom', path: ['facts', i, 'text'], message: `"${fact.text}" is not in the quote` });
    }
  });
}

/** What the page sends to track a claim. */
export const NewTrackedClaimSchema = z.object({ ...claimFields, ...claimDefaults, ...sightedWords }).superRefine(factsInQuote);
export type NewTrackedClaim = z.input<typeof NewTrackedClaimSchema>;

/** A tracked claim as stored; deletes are tombstones, so undo (and later sync) lose nothing. */
export const TrackedClaimSchema = z
  .object({ id: ReaderIdSchema, ...claimFields, ...claimDefaults, ...sightedWords, ...stored })
  .superRefine(factsInQuote);
export type TrackedClaim = z.infer<typeof TrackedClaimSchema>;

/** An edit of a tracked claim: its id and the fields that change. */
export const ClaimChangesSchema = z.object(claimFields).partial().extend({ id: ReaderIdSchema });
export type ClaimChanges = z.input<typeof ClaimChangesSchema>;

/** How a page states a tracked claim: as it is, differently, or not yet decided. */
export const StanceSchema = z.enum(['agrees', 'conflicts', 'unknown']);
export type Stance = z.infer<typeof StanceSchema>;

/** Who judged a sighting: Crosscheck's matcher proposed it (numbers, dates, titles it read), or the reader. */
export const JudgeSchema = z.enum(['crosscheck', 'reader']);
export type Judge = z.infer<typeof JudgeSchema>;

const judgement = {
  stance: StanceSchema.default('unknown'),
  differs: z.array(DifferenceSchema).max(20).default([]),
  by: JudgeSchema.default('crosscheck'),
};
const onlyConflictsDiffer = (s: { stance: Stance; differs: unknown[] }) => s.stance === 'conflicts' || s.differs.length === 0;
const onlyConflictsDifferError = { path: ['differs'], message: 'only a conflicting sighting says what differs' };

/**
 * The reader's (or the matcher's) judgement of a sighting, as an edit: the stance and what differs
 * (`from` is the claim's version, `to` the page's).
 */
export const SightingJudgementSchema = z
  .object({ id: ReaderIdSchema, ...judgement, by: JudgeSchema.default('reader') })
  .refine(onlyConflictsDiffer, onlyConflictsDifferError);
export type SightingJudgement = z.input<typeof SightingJudgementSchema>;

/** Another page stating a tracked claim, in its own words. */
export const NewSightingSchema = z
  .object({ claimId: ReaderIdSchema, ...sightedWords, ...judgement })
  .refine(onlyConflictsDiffer, onlyConflictsDifferError);
export type NewSighting = z.input<typeof NewSightingSchema>;

export const SightingSchema = z
  .object({ id: ReaderIdSchema, claimId: ReaderIdSchema, ...sightedWords, ...judgement, ...stored })
  .refine(onlyConflictsDiffer, onlyConflictsDifferError);
export type Sighting = z.infer<typeof SightingSchema>;

/** A fact-check the reader collected: it links to its review, so the URL is required here. */
export const CollectedFactCheckSchema = FactCheckSchema.extend({
  id: HashIdSchema,
  url: HttpUrlSchema,
  collected: TimestampSchema,
  modified: TimestampSchema,
  deleted: z.boolean().default(false),
});
export type CollectedFactCheck = z.infer<typeof CollectedFactCheckSchema>;

/** A claim pack the reader imported, kept whole; its ids are namespaced when combined. */
export const ClaimPackSchema = z.object({
  id: HashIdSchema,
  /** Where it came from, for the reader (a file name). */
  label: z.string().max(200),
  database: ClaimDatabaseSchema,
  imported: TimestampSchema,
});
export type ClaimPack = z.infer<typeof ClaimPackSchema>;
