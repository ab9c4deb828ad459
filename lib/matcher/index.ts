/**
 * The claim matcher's public entry: load the lexicon, build an index from the claim database once
 * (in the background, or the command line), then find the claims a text states. Pure TypeScript:
 * no DOM, no node modules. Receivers validate matches with `ClaimMatchSchema` from `./schema`.
 */
export { buildClaimIndex, type ClaimIndex } from './claim-index';
export { decodeLexicon, Lexicon } from './lexicon';
export { matchText, matchWithLookAhead } from './match';
export type { ClaimMatch, MatchDifference } from './schema';
