import type { TextSelectors } from './selectors';

export type { TextSelectors } from './selectors';

/** How much text either side of a quote is kept to tell repeated quotes apart (as Hypothesis). */
export const CONTEXT_LENGTH = 32;


/**
 * Describes the text between `start` and `end` (UTF-16 offsets into the page text) as a
 * TextQuoteSelector with up to 32 characters of prefix and suffix, plus a TextPositionSelector.
 * Throws a RangeError naming the offsets when they do not select non-empty text.
 */
export function describe(text: string, start: number, end: number): Required<TextSelectors> {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`Cannot describe text ${start}–${end} of a text ${text.length} long`);
  }
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}
