import { getBundledClaimDatabase } from '@/lib/claims/bundled';
import { resolveClaimDatabase, type ResolvedClaim } from '@/lib/claims/resolve';
import { ClaimMatchSchema, type ClaimMatch } from '@/lib/matcher/schema';

/** The real bundled database, resolved as the extension resolves it. */
export const resolved = resolveClaimDatabase(getBundledClaimDatabase());

/** A claim of the bundled database by id; fails loudly if the database no longer has it. */
export function claimById(id: string): ResolvedClaim {
  const claim = resolved.claims.find((c) => c.id === id);
  if (!claim) throw new Error(`the bundled database has no claim "${id}"`);
  return claim;
}

/** A page match for a claim, validated by the matcher's own schema so tests only use real shapes. */
export function matchFor(claim: ResolvedClaim, fields: Partial<ClaimMatch> & Pick<ClaimMatch, 'stance'>): ClaimMatch {
  const text = fields.text ?? claim.statement;
  return ClaimMatchSchema.parse({ claimId: claim.id, start: 0, end: text.length, text, score: 0.9, ...fields });
}
