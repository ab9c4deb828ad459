import { createHash } from 'node:crypto';
import { z } from 'zod';
import { SlugSchema } from '../claims/schema';
import type { LabelledSentence } from './evaluate';

/**
 * The real-coverage evaluation set (test/fixtures/eval/coverage/): sentences from other outlets'
 * reports of the same events, closely paraphrased, each with the database claims it states.
 */

const LabelSchema = z.object({
  id: SlugSchema,
  stance: z.enum(['corroborates', 'conflicts']),
  alternatives: z.array(SlugSchema).optional(),
  /** Fact keys that differ (conflicts only), or "negation", or "other" with a note. */
  differs: z.array(z.string().min(1)).min(1).optional(),
  note: z.string().optional(),
});

const SentenceSchema = z.object({
  text: z.string().min(1),
  /** True when the sentence cannot be understood alone ("He said…"): not scored. */
  context: z.boolean().optional(),
  claims: z.array(LabelSchema),
});

export const CoveragePageSchema = z.object({
  url: z.url(),
  outlet: z.string().min(1),
  domain: z.string().min(1),
  /** The wire story the page republishes (Reuters, AFP…), which groups it with its other copies. */
  wire: z.string().min(1).nullable(),
  published: z.iso.date().nullable(),
  sentences: z.array(SentenceSchema).min(1),
});
export type CoveragePage = z.infer<typeof CoveragePageSchema>;
export const CoverageSetSchema = z.array(CoveragePageSchema).min(1);

/** Pages of one wire story or one outlet stay in the same half. */
export function outletGroup(page: CoveragePage): string {
  return (page.wire ?? page.domain).toLowerCase();
}

/**
 * The half a group belongs to, fixed before any tuning by a hash of its name, so no one chooses
 * which outlets are held out: odd → test, even → tune.
 */
export function halfOf(group: string): 'tune' | 'test' {
  const head = parseInt(createHash('sha256').update(group).digest('hex').slice(0, 8), 16);
  return head % 2 === 1 ? 'test' : 'tune';
}

/** Validates the set and that every label names a claim the database has. Throws naming each bad item. */
export function parseCoverageSet(json: unknown, claimIds: ReadonlySet<string>): CoveragePage[] {
  const parsed = CoverageSetSchema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 20).map((i) => `  [${i.path.join('.')}] ${i.message}`);
    throw new Error(`Invalid coverage set:\n${lines.join('\n')}`);
  }
  const unknown: string[] = [];
  parsed.data.forEach((page, p) =>
    page.sentences.forEach((s, i) => {
      for (const label of s.claims) {
        for (const id of [label.id, ...(label.alternatives ?? [])]) if (!claimIds.has(id)) unknown.push(`  [${p}.sentences.${i}] no claim "${id}"`);
      }
    }),
  );
  if (unknown.length) throw new Error(`Coverage set names claims the database lacks:\n${unknown.join('\n')}`);
  return parsed.data;
}

/** The scored sentences of one half (sentences that need context left out), with their outlet group. */
export function coverageHalf(pages: CoveragePage[], half: 'tune' | 'test'): LabelledSentence[] {
  return pages
    .filter((page) => halfOf(outletGroup(page)) === half)
    .flatMap((page) =>
      page.sentences
        .filter((s) => !s.context)
        .map((s) => ({
          text: s.text,
          source: page.url,
          group: outletGroup(page),
          labels: s.claims.map((c) => ({ id: c.id, stance: c.stance, alternatives: c.alternatives ?? [], differs: c.differs ?? [] })),
        })),
    );
}
