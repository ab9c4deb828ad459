import * as z from 'zod/mini';
import { defineRoute } from '../messaging/route';
import { NOTE_COLORS } from './limits';
import { TextPositionSelectorSchema, TextQuoteSelectorSchema, TextSelectorsSchema } from '../anchoring/selectors';
import { MAX_CLAIM_ID } from '../claims/limits';

// zod/mini: these routes are part of the content script, which is injected into every page. The
// content script sees only what painting needs (ids, selectors, colours): never a note's text.

/** What the content script may know of a note: enough to paint it, nothing the reader wrote. */
export const NoteMarkSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  quote: TextQuoteSelectorSchema,
  position: z.optional(TextPositionSelectorSchema),
  color: z.enum(NOTE_COLORS),
  /** The claim the note is attached to: a click on it opens that claim's card, which lists it. */
  claimId: z.optional(z.string().check(z.minLength(1), z.maxLength(MAX_CLAIM_ID))),
});
export type NoteMark = z.infer<typeof NoteMarkSchema>;

/**
 * Content script → background: the marks of the notes on the page the script runs in. The page is
 * the sender's own URL (never one the script names), and only its canonical link may refine it,
 * which `canonicalUrl` accepts on the page's own origin only: a page cannot read another's marks.
 */
export const listPageMarksRoute = defineRoute({
  name: 'listPageMarks',
  from: 'content',
  request: z.object({ canonicalHref: z.nullable(z.string().check(z.maxLength(4096))) }),
  response: z.object({ tabId: z.int(), source: z.string(), marks: z.array(NoteMarkSchema) }),
});

/** Background → content scripts: the notes of this page (canonical URL) changed; repaint. */
export const notesChangedRoute = defineRoute({
  name: 'notesChanged',
  from: 'extension',
  request: z.object({ source: z.string().check(z.maxLength(4096)) }),
  response: z.boolean(),
});

/** Popup → content script: the page's canonical URL and which of its notes were not found. */
export const getNoteAnchorsRoute = defineRoute({
  name: 'getNoteAnchors',
  from: 'extension',
  request: z.object({}),
  response: z.object({ source: z.string(), found: z.array(z.string()), notFound: z.array(z.string()) }),
});

/** Popup → content script: the selectors of the reader's current selection (null: none). */
export const describeSelectionRoute = defineRoute({
  name: 'describeSelection',
  from: 'extension',
  request: z.object({}),
  response: z.nullable(TextSelectorsSchema),
});

/** Popup → content script: scroll to a note's highlight and open it in the panel. */
export const showNoteRoute = defineRoute({
  name: 'showNote',
  from: 'extension',
  request: z.object({ id: z.string().check(z.minLength(1), z.maxLength(64)) }),
  response: z.boolean(),
});

/**
 * Background (command, context menu) or claim card → content script: open the note editor on the
 * current selection, or on a claim's sentence when `claimId` is given. Answers false when there is
 * nothing to note.
 */
export const openNoteEditorRoute = defineRoute({
  name: 'openNoteEditor',
  from: 'extension',
  request: z.object({ claimId: z.optional(z.string().check(z.minLength(1), z.maxLength(MAX_CLAIM_ID))) }),
  response: z.boolean(),
});
