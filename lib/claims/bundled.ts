import data from './database.json';
import { loadClaimDatabase } from './database';
import { resolveClaimDatabase, type ResolvedClaim } from './resolve';
import type { ClaimDatabase } from './schema';

let cached: ClaimDatabase | undefined;
let resolved: Map<string, ResolvedClaim> | undefined;

/**
 * The claim database bundled with the extension, validated once on first use (the quote check needs
 * the article texts, so it runs in the tests and `claims check`, not here).
 */
export function getBundledClaimDatabase(): ClaimDatabase {
  cached ??= loadClaimDatabase(data, { label: 'bundled claim database' });
  return cached;
}

/** The bundled claims with their sources and relations resolved, by id, for the popup and the card. */
export function getBundledClaims(): ReadonlyMap<string, ResolvedClaim> {
  resolved ??= new Map(resolveClaimDatabase(getBundledClaimDatabase()).claims.map((c) => [c.id, c]));
  return resolved;
}
