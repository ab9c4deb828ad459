import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The ClaimReview samples in test/fixtures/claim-reviews, parsed afresh so each test may change its copy. */
export function claimReviewFixture(name: string): any {
  const path = fileURLToPath(new URL(`../../fixtures/claim-reviews/${name}`, import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8'));
}
