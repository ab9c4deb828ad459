import type { ClaimMatch } from '../matcher/schema';

/**
 * A passage painted once: one or more claims stated in the same words (or overlapping ones), in
 * page order. A conflict wins over agreement, so that the reader sees that something differs.
 */
export type ClaimSpan = { start: number; end: number; stance: ClaimMatch['stance']; claims: ClaimMatch[] };

/**
 * Groups matches into the passages to paint: matches on the same or overlapping text become one
 * span that lists every claim, so that a sentence stating three claims carries one highlight and
 * its card lists all three. `claims` must be in page order (by start).
 */
export function groupSpans(claims: readonly ClaimMatch[]): ClaimSpan[] {
  const spans: ClaimSpan[] = [];
  for (const claim of claims) {
    const last = spans.at(-1);
    if (last && claim.start < last.end) {
      last.end = Math.max(last.end, claim.end);
      last.claims.push(claim);
      if (claim.stance === 'conflicts') last.stance = 'conflicts';
    } else {
      spans.push({ start: claim.start, end: claim.end, stance: claim.stance, claims: [claim] });
    }
  }
  return spans;
}
