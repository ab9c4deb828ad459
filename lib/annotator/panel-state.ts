import * as z from 'zod/mini';
import { NoteTargetSchema } from '../notes/note-target';
import { ClaimMatchSchema } from '../matcher/schema';
import { MAX_CLAIM_ID } from '../claims/limits';

// zod/mini: the content script builds these states; the panel page parses them.

/** The claim card: the claims under the highlight the reader opened, as this page states them. */
export const ClaimsPanelStateSchema = z.object({
  mode: z.literal('claims'),
  claims: z.array(ClaimMatchSchema).check(z.minLength(1), z.maxLength(20)),
});

/** The note editor: a new note on `target`, or the note `noteId` opened from its highlight. */
export const NotePanelStateSchema = z.object({
  mode: z.literal('note'),
  noteId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  target: z.optional(NoteTargetSchema),
  claimId: z.optional(z.string().check(z.minLength(1), z.maxLength(MAX_CLAIM_ID))),
});

/** A claim the reader just tracked, to edit (its id in the reader's store), or why it could not be tracked. */
export const TrackedPanelStateSchema = z.object({
  mode: z.literal('tracked'),
  claimId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  error: z.optional(z.string().check(z.maxLength(2000))),
});

/** What the in-page panel shows. It travels in the panel's URL fragment, which the page cannot read. */
export const PanelStateSchema = z.discriminatedUnion('mode', [ClaimsPanelStateSchema, NotePanelStateSchema, TrackedPanelStateSchema]);
export type PanelState = z.infer<typeof PanelStateSchema>;

/** The panel page's path with its state. (Its tab is the one it is framed in: the background knows it.) */
export function panelPath(state: PanelState): `/panel.html${string}` {
  return `/panel.html#${encodeURIComponent(JSON.stringify(state))}`;
}

/** Reads the panel's state from its URL; throws a plain message when it is missing or malformed. */
export function readPanelState(hash: string): PanelState {
  let json: unknown;
  try {
    json = JSON.parse(decodeURIComponent(hash.replace(/^#/, '')));
  } catch {
    throw new Error('This panel was opened without anything to show.');
  }
  const parsed = PanelStateSchema.safeParse(json);
  if (!parsed.success) throw new Error(`This panel's request is malformed: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
