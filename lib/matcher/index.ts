/**
 * The claim matcher's public entry: build an index from the claim database once (background), then
 * find the claims a page states (content script, CLI). Pure TypeScript: no DOM, no node modules.
 */
export { buildClaimIndex, type ClaimIndex } from './claim-index';
export { matchText } from './match';
export { ClaimMatchSchema, type ClaimMatch, type MatchDifference } from './schema';
