import * as z from 'zod/mini';
import { defineRoute } from '../messaging/route';
import { TextPositionSelectorSchema, TextQuoteSelectorSchema } from '../anchoring/selectors';
import { MAX_CLAIM_ID } from './limits';

// zod/mini: the content script's UI part sends and answers these. They check the shape and the
// sizes only; the background parses what it stores with the reader store's full schemas.

/** A page's source as the content script reads it (`readPageSource`); checked in full when stored. */
const PageSourceWireSchema = z.object({
  url: z.string().check(z.maxLength(4096)),
  outlet: z.string().check(z.maxLength(1000)),
  title: z.string().check(z.maxLength(2000)),
  author: z.nullable(z.string().check(z.maxLength(1000))),
  published: z.nullable(z.string().check(z.maxLength(40))),
});

/** Words on a page: the quote in context and, when known, its offsets. */
const words = { quote: TextQuoteSelectorSchema, position: z.optional(TextPositionSelectorSchema) };

/**
 * Content script → background: track the selected words of this page as a claim. The page must be
 * the sender's own (its URL on the sender's origin, by the notes' canonical rule), never another
 * one the script names. Answers the new tracked claim's id (a UUID).
 */
export const trackClaimRoute = defineRoute({
  name: 'trackClaim',
  from: 'content',
  request: z.object({ page: PageSourceWireSchema, ...words }),
  response: z.object({ id: z.string() }),
});

/**
 * Background (the context menu, the keyboard command) → content script: track the reader's
 * current selection and open it in the panel. Answers false when nothing is selected.
 */
export const trackSelectionRoute = defineRoute({
  name: 'trackSelection',
  from: 'extension',
  request: z.object({}),
  response: z.boolean(),
});

/**
 * Background → content script, when the page states tracked claims: the page's source and where
 * on it each of these claims is painted (the page's own words). A claim no longer on the page is
 * left out.
 */
export const describeSightingsRoute = defineRoute({
  name: 'describeSightings',
  from: 'extension',
  request: z.object({ claimIds: z.array(z.string().check(z.maxLength(MAX_CLAIM_ID))).check(z.maxLength(50)) }),
  response: z.object({
    page: PageSourceWireSchema,
    found: z.array(z.object({ claimId: z.string().check(z.maxLength(MAX_CLAIM_ID)), ...words })).check(z.maxLength(50)),
  }),
});
