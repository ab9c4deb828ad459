/**
 * Limits of the claim database's values, in a module without zod so that every schema that carries
 * a claim id (notes, messages, the content script's zod/mini ones) takes the same bound from here.
 */

/** Longest claim id (a slug, or a reader's claim's hash id), in characters. */
export const MAX_CLAIM_ID = 200;
