/**
 * The claim matcher's public entry: build an index from the claim database once (background), then
 * find the claims a page states (content script, CLI). Pure TypeScript: no DOM, no node modules, and
 * no zod here, so the content script stays small: receivers validate with `ClaimMatchSchema` from
 * `./schema`.
 */
export { buildClaimIndex, type ClaimIndex } from './claim-index';
export { matchText } from './match';
export type { ClaimMatch, MatchDifference } from './schema';
