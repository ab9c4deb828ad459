import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The folder of ClaimReview samples (from the repository root, where the tests run; happy-dom tests have no file URL). */
export const CLAIM_REVIEWS = join(process.cwd(), 'test/fixtures/claim-reviews');

/** A ClaimReview sample from test/fixtures/claim-reviews, parsed afresh so each test may change its copy. */
export function claimReviewFixture(name: string): any {
  return JSON.parse(readFileSync(join(CLAIM_REVIEWS, name), 'utf8'));
}
