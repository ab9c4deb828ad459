import { z } from 'zod';
import { SlugSchema } from '../claims/schema';
import type { LabelledSentence } from './evaluate';

/**
 * The matcher's labelled evaluation set (test/fixtures/eval/sentences.json): sentences written as
 * other newsrooms would word the database's claims, and hard negatives that state none of them.
 */

/** A sentence that states a claim. `alternatives` names claims that are as fair a reading (near-duplicates). */
export const EvalPositiveSchema = z.object({
  text: z.string().min(1),
  claimId: SlugSchema,
  stance: z.enum(['corroborates', 'conflicts']),
  alternatives: z.array(SlugSchema).optional(),
});
export type EvalPositive = z.infer<typeof EvalPositiveSchema>;

/** A sentence about the same people, places and days that states no database claim. */
export const EvalNegativeSchema = z.object({ text: z.string().min(1), claimId: z.null() });
export type EvalNegative = z.infer<typeof EvalNegativeSchema>;

/** One labelled sentence: a positive (names a claim) or a hard negative (claimId null). */
export const EvalItemSchema = z.union([EvalPositiveSchema, EvalNegativeSchema]);
export type EvalItem = z.infer<typeof EvalItemSchema>;
/** The whole file's shape; `parseEvalSet` checks items one by one against it for clearer errors. */
export const EvalSetSchema = z.array(EvalItemSchema).min(1);

/**
 * Validates the set, and that every label names a claim the database has, so a renamed claim
 * fails loudly instead of silently counting as a miss. Throws naming each bad item.
 */
export function parseEvalSet(json: unknown, claimIds: ReadonlySet<string>): EvalItem[] {
  if (!Array.isArray(json) || json.length === 0) throw new Error('Invalid evaluation set: expected a non-empty array of items');
  // Each item is checked against the schema its claimId says it is, so errors name the bad field.
  const problems: string[] = [];
  const items = json.map((raw: unknown, i) => {
    const schema = (raw as { claimId?: unknown } | null)?.claimId === null ? EvalNegativeSchema : EvalPositiveSchema;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) for (const issue of parsed.error.issues) problems.push(`  [${[i, ...issue.path].join('.')}] ${issue.message}`);
    return parsed.data;
  });
  if (problems.length) throw new Error(`Invalid evaluation set:\n${problems.slice(0, 20).join('\n')}`);
  const parsed = { data: items as EvalItem[] };
  const unknown = parsed.data.flatMap((item, i) =>
    item.claimId === null
      ? []
      : [item.claimId, ...(item.alternatives ?? [])].filter((id) => !claimIds.has(id)).map((id) => `  [${i}] no claim "${id}"`),
  );
  if (unknown.length) throw new Error(`Evaluation set names claims the database lacks:\n${unknown.join('\n')}`);
  return parsed.data;
}

/** The hand-written items as labelled sentences: one claim each, or none. */
export function labelledSentences(items: EvalItem[]): LabelledSentence[] {
  return items.map((item) => ({
    text: item.text,
    labels: item.claimId === null ? [] : [{ id: item.claimId, stance: item.stance, alternatives: item.alternatives ?? [], differs: [] }],
  }));
}
