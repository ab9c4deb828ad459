/**
 * Hypothesis-style anchoring over page text (a string): `describe` a selection as W3C selectors,
 * `anchor` them again on a later visit. DOM text extraction and offset→Range mapping live elsewhere,
 * so this stays framework- and DOM-free.
 */
export { anchor, fuzzyBudget, type Anchor } from './anchor';
export { CONTEXT_LENGTH, describe, type TextSelectors } from './describe';
