import data from './database.json';
import { loadClaimDatabase } from './database';
import type { ClaimDatabase } from './schema';

let cached: ClaimDatabase | undefined;

/**
 * The claim database bundled with the extension, validated once on first use (the quote check needs
 * the article texts, so it runs in the tests and `claims check`, not here).
 */
export function getBundledClaimDatabase(): ClaimDatabase {
  cached ??= loadClaimDatabase(data, { label: 'bundled claim database' });
  return cached;
}
