import { z } from 'zod';
import type { NotesDb } from './db';
import { NoteInputError, NoteNotFoundError, parseInput } from './errors';
import { fromRecord, toRecord } from './record';
import {
  NewNoteSchema,
  NoteBodySchema,
  NoteSchema,
  TextPositionSelectorSchema,
  TextQuoteSelectorSchema,
  type Note,
} from './schema';

/**
 * The background's note operations, as plain functions over a database so that they can be tested
 * without messaging and wired to any transport. Every input is parsed with zod, since it may come
 * from a content script (untrusted). Time and device are injected for tests and for sync.
 */
export { listAllNotes, listPageNotes, listSites, listTags, searchNotes } from './notes-query';

/** Where "now" and "this device" come from; injected so tests and sync control them. */
export type NoteContext = { now: () => number; deviceId: string };

const IdSchema = z.uuid();
/** Replacing a note's body from the editor. */
export const UpdateNoteBodySchema = z.object({ id: IdSchema, body: NoteBodySchema });
/** Re-attaching a note whose text is gone to a new selection on the page. */
export const ReattachNoteSchema = z.object({
  id: IdSchema,
  quote: TextQuoteSelectorSchema,
  position: z.optional(TextPositionSelectorSchema),
});

/** A time after the note's last edit, even within the same millisecond, so newer always wins. */
const nextModified = (ctx: NoteContext, prev = -Infinity) => Math.max(ctx.now(), prev + 1);

/** Creates a note from what the editor sent; fills id, times and device. */
export async function createNote(db: NotesDb, input: unknown, ctx: NoteContext): Promise<Note> {
  const draft = parseInput(NewNoteSchema, input, 'new note');
  const at = ctx.now();
  const note = NoteSchema.parse({
    ...draft,
    id: crypto.randomUUID(),
    created: at,
    modified: at,
    deviceId: ctx.deviceId,
  });
  await db.notes.add(toRecord(note));
  return fromRecord(toRecord(note)); // as stored (tags normalised)
}

/** Reads one note, tombstones included; throws NoteNotFoundError when there is none. */
export async function getNote(db: NotesDb, id: unknown): Promise<Note> {
  const key = parseInput(IdSchema, id, 'note id');
  const row = await db.notes.get(key);
  if (!row) throw new NoteNotFoundError(key);
  return fromRecord(row);
}

/** Applies `change` to a note inside one transaction and stores it with a fresh modified time. */
async function edit(
  db: NotesDb,
  id: string,
  ctx: NoteContext,
  change: (note: Note) => Partial<Note>,
): Promise<Note> {
  return db.transaction('rw', db.notes, async () => {
    const note = await getNote(db, id);
    const next = NoteSchema.parse({
      ...note,
      ...change(note),
      modified: nextModified(ctx, note.modified),
      deviceId: ctx.deviceId,
    });
    await db.notes.put(toRecord(next));
    return fromRecord(toRecord(next));
  });
}

function requireLive(note: Note): void {
  if (note.deleted) throw new NoteInputError(`Note ${note.id} is deleted; undo the delete first`);
}

/** Replaces a live note's body (text, tags, colour). */
export async function updateNoteBody(db: NotesDb, input: unknown, ctx: NoteContext): Promise<Note> {
  const { id, body } = parseInput(UpdateNoteBodySchema, input, 'note update');
  return edit(db, id, ctx, (note) => (requireLive(note), { body }));
}

/** Points a live note at a new selection (its old text was not found on the page). */
export async function reattachNote(db: NotesDb, input: unknown, ctx: NoteContext): Promise<Note> {
  const { id, quote, position } = parseInput(ReattachNoteSchema, input, 'note re-attach');
  return edit(db, id, ctx, (note) => {
    requireLive(note);
    return { target: { ...note.target, quote, position } };
  });
}

/** Deletes a note as a tombstone: the text is kept so that undo (and sync) lose nothing. */
export async function deleteNote(db: NotesDb, id: unknown, ctx: NoteContext): Promise<Note> {
  return edit(db, parseInput(IdSchema, id, 'note id'), ctx, () => ({ deleted: true }));
}

/** Brings a deleted note back. */
export async function undoDeleteNote(db: NotesDb, id: unknown, ctx: NoteContext): Promise<Note> {
  return edit(db, parseInput(IdSchema, id, 'note id'), ctx, () => ({ deleted: false }));
}
