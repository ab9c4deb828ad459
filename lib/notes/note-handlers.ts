import type { Router } from '../messaging/router';
import { canonicalUrl } from '../dom/canonical-url';
import type { NotesDb } from './db';
import { exportJson, exportMarkdown } from './export';
import { importNotes } from './import';
import {
  createNoteRoute,
  deleteNoteRoute,
  exportNotesRoute,
  getNoteRoute,
  importNotesRoute,
  reattachNoteRoute,
  undoDeleteNoteRoute,
  updateNoteRoute,
} from './note-routes';
import { listPageMarksRoute, type NoteMark } from './note-content-routes';
import {
  createNote,
  deleteNote,
  getNote,
  listAllNotes,
  listPageNotes,
  reattachNote,
  undoDeleteNote,
  updateNoteBody,
  type NoteContext,
} from './notes-service';
import type { NotesChange } from './notes-broadcast';
import type { Note } from './schema';

/** What the note routes need besides the database. */
export type NoteRoutesDeps = {
  /** This device's id (made once, kept in storage.local). */
  deviceId: () => Promise<string>;
  now?: () => number;
  /** Called after every write with the notes changed and their pages (the change notice). */
  changed: (change: NotesChange) => void;
};

/** The painting view of a note: what the content script may know (no text, no tags). */
export function toMark(note: Note): NoteMark {
  const { quote, position } = note.target;
  const claim = note.claimId ? { claimId: note.claimId } : {};
  return { id: note.id, quote, ...(position ? { position } : {}), color: note.body.color, ...claim };
}

/**
 * The page a content script's request is about: the sender's own URL, refined by the page's
 * canonical link only on the same origin (see canonicalUrl). Never a URL the script names, so a page
 * cannot ask for another page's notes.
 */
export function senderPage(senderUrl: string | undefined, canonicalHref: string | null): string {
  if (!senderUrl) throw new Error('The request did not come from a page');
  return canonicalUrl(senderUrl, canonicalHref);
}

/**
 * Registers every notes route on the background's router. Content scripts get one route (the
 * marks of their own page); the extension's pages get the rest. Every write reports the notes and
 * pages it touched through `deps.changed`, so that open tabs repaint and sync pushes those notes. Returns a function removing them all.
 */
export function registerNoteRoutes(router: Router, db: NotesDb, deps: NoteRoutesDeps): () => void {
  const ctx = async (): Promise<NoteContext> => ({ now: deps.now ?? Date.now, deviceId: await deps.deviceId() });
  /** Runs a write and reports the page of each note it returns. */
  const write = async (run: (c: NoteContext) => Promise<Note>): Promise<Note> => {
    const note = await run(await ctx());
    deps.changed({ ids: [note.id], sources: [note.target.source] });
    return note;
  };
  const off = [
    router.on(listPageMarksRoute, async ({ canonicalHref }, sender) => {
      const source = senderPage(sender.url, canonicalHref);
      return { tabId: sender.tab!.id!, source, marks: (await listPageNotes(db, source)).map(toMark) };
    }),
    router.on(createNoteRoute, (draft) => write((c) => createNote(db, draft, c))),
    router.on(updateNoteRoute, (input) => write((c) => updateNoteBody(db, input, c))),
    router.on(reattachNoteRoute, (input) => write((c) => reattachNote(db, input, c))),
    router.on(deleteNoteRoute, ({ id }) => write((c) => deleteNote(db, id, c))),
    router.on(undoDeleteNoteRoute, ({ id }) => write((c) => undoDeleteNote(db, id, c))),
    router.on(getNoteRoute, ({ id }) => getNote(db, id)),
    router.on(exportNotesRoute, async ({ format, source }) => {
      const notes = source ? await listPageNotes(db, source) : await listAllNotes(db);
      return { text: format === 'json' ? JSON.stringify(exportJson(notes), null, 2) : exportMarkdown(notes), count: notes.length };
    }),
    router.on(importNotesRoute, async ({ text }) => {
      const before = new Set((await listAllNotes(db, { includeDeleted: true })).map((n) => `${n.id}@${n.modified}`));
      const result = await importNotes(db, text);
      const written = (await listAllNotes(db, { includeDeleted: true })).filter((n) => !before.has(`${n.id}@${n.modified}`));
      deps.changed({ ids: written.map((n) => n.id), sources: [...new Set(written.map((n) => n.target.source))] });
      return result;
    }),
  ];
  return () => off.forEach((remove) => remove());
}
