import { z } from 'zod';
import { defineRoute } from '../messaging/route';
import { ReattachNoteSchema, UpdateNoteBodySchema } from './notes-service';
import { ClaimIdSchema, NewNoteSchema, NoteSchema } from './schema';

/**
 * The notes routes of the extension's own pages (panel, popup, options) to the background, which
 * owns the writes so that it can tell every tab to repaint. Full zod: never part of the content
 * script, which may only use the routes of note-messages.ts.
 */

const IdRequest = z.object({ id: z.uuid() });

/** Creates a note (the panel's editor); the background fills id, times and device. */
export const createNoteRoute = defineRoute({ name: 'createNote', from: 'extension', request: NewNoteSchema, response: NoteSchema });

/** Replaces a note's body (text, tags, colour). */
export const updateNoteRoute = defineRoute({ name: 'updateNote', from: 'extension', request: UpdateNoteBodySchema, response: NoteSchema });

/** Deletes a note as a tombstone (kept for undo and sync). */
export const deleteNoteRoute = defineRoute({ name: 'deleteNote', from: 'extension', request: IdRequest, response: NoteSchema });

/** Brings a deleted note back. */
export const undoDeleteNoteRoute = defineRoute({ name: 'undoDeleteNote', from: 'extension', request: IdRequest, response: NoteSchema });

/** Points a note whose text is gone at a new selection. */
export const reattachNoteRoute = defineRoute({ name: 'reattachNote', from: 'extension', request: ReattachNoteSchema, response: NoteSchema });

/** One note, tombstones included. */
export const getNoteRoute = defineRoute({ name: 'getNote', from: 'extension', request: IdRequest, response: NoteSchema });

/** The export formats. */
export const ExportFormatSchema = z.enum(['json', 'markdown']);

/** Exports all live notes, or one page's, as W3C Web Annotation JSON-LD or Markdown text. */
export const exportNotesRoute = defineRoute({
  name: 'exportNotes',
  from: 'extension',
  request: z.object({ format: ExportFormatSchema, source: z.url().optional() }),
  response: z.object({ text: z.string(), count: z.number().int() }),
});

/** Imports a W3C Web Annotation file (its text), all or nothing; answers the counts. */
export const importNotesRoute = defineRoute({
  name: 'importNotes',
  from: 'extension',
  request: z.object({ text: z.string().max(50_000_000) }),
  response: z.object({ added: z.number(), updated: z.number(), unchanged: z.number(), total: z.number() }),
});

/**
 * Claim card (in-page panel) → background → the content script of the panel's own tab (the
 * sender's): open the note editor on a claim's sentence. Through the background because Firefox
 * gives extension frames in a web page no tabs API.
 */
export const openTabNoteEditorRoute = defineRoute({
  name: 'openTabNoteEditor',
  from: 'extension',
  request: z.object({ claimId: ClaimIdSchema }),
  response: z.boolean(),
});
