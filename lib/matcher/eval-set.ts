import { z } from 'zod';
import { SlugSchema } from '../claims/schema';

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

export const EvalItemSchema = z.union([EvalPositiveSchema, EvalNegativeSchema]);
export type EvalItem = z.infer<typeof EvalItemSchema>;
export const EvalSetSchema = z.array(EvalItemSchema).min(1);

/**
 * Validates the set, and that every label names a claim the database has, so a renamed claim
 * fails loudly instead of silently counting as a miss. Throws naming each bad item.
 */
export function parseEvalSet(json: unknown, claimIds: ReadonlySet<string>): EvalItem[] {
  const parsed = EvalSetSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 10).map((i) => `  [${i.path.join('.')}] ${i.message}`);
    throw new Error(`Invalid evaluation set:\n${problems.join('\n')}`);
  }
  const unknown = parsed.data.flatMap((item, i) =>
    item.claimId === null
      ? []
      : [item.claimId, ...(item.alternatives ?? [])].filter((id) => !claimIds.has(id)).map((id) => `  [${i}] no claim "${id}"`),
  );
  if (unknown.length) throw new Error(`Evaluation set names claims the database lacks:\n${unknown.join('\n')}`);
  return parsed.data;
}
