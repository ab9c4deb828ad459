/**
 * Hypothesis-style anchoring over page text (a string): `describe` a selection as W3C selectors,
 * `anchor` them again on a later visit (`anchorAll` for a page's notes, in short tasks). DOM text
 * extraction and offset→Range mapping live elsewhere, so this stays framework- and DOM-free.
 */
export { anchor, fuzzyBudget, locate, MAX_FUZZY_QUOTE, MAX_WORK, type Anchor, type AnchorReport } from './anchor';
export { anchorAll } from './anchor-all';
export { CONTEXT_LENGTH, describe } from './describe';
export {
  MAX_QUOTE,
  TextPositionSelectorSchema,
  TextQuoteSelectorSchema,
  TextSelectorsSchema,
  type TextPositionSelector,
  type TextQuoteSelector,
  type TextSelectors,
} from './selectors';
