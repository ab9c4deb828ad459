import { parseClaimReviews } from '@/lib/factchecks/parse';
import type { FactCheck } from '@/lib/factchecks/schema';
import { factCheckId } from '@/lib/claims/reader-ids';
import { CollectedFactCheckSchema, type CollectedFactCheck } from '@/lib/claims/reader-schema';
import { claimReviewFixture } from '../factchecks/claim-review-fixtures';

/** The fact-checks of a ClaimReview sample (test/fixtures/claim-reviews), as the reader's store keeps them. */
export function collectedFactChecks(name: string, over: Partial<FactCheck> = {}): CollectedFactCheck[] {
  const { items, problems } = parseClaimReviews(claimReviewFixture(name));
  if (problems.length > 0) throw new Error(problems.map((p) => p.message).join('; '));
  return items.map((f, i) => {
    const fc = { ...f, ...over };
    return CollectedFactCheckSchema.parse({ ...fc, id: factCheckId(fc.url!, fc.claimReviewed), collected: 1_000 + i, modified: 1_000 + i });
  });
}
