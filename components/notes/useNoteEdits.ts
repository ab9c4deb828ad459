import { useState } from 'preact/hooks';
import { call } from '../../lib/messaging/runtime';
import { deleteNoteRoute, undoDeleteNoteRoute, updateNoteRoute } from '../../lib/notes/note-routes';
import type { Note, NoteBody } from '../../lib/notes/schema';
import type { ActionRunner } from '../common/useAction';

/** A list's note edits: which note is being edited, and the NoteList callbacks that edit and delete. */
export type NoteEdits = {
  editingId: string | undefined;
  onEdit: (note: Note) => void;
  onCancelEdit: () => void;
  onSaveEdit: (note: Note, body: NoteBody) => void;
  onDelete: (note: Note) => void;
};

/**
 * Editing and deleting notes from a list (the popup's, the options page's), through the
 * background: `edits` for the NoteList, and the note last deleted, for its Undo. Failures go to
 * `act` (see useAction).
 */
export function useNoteEdits(act: ActionRunner['act']): { edits: NoteEdits; deleted: Note | undefined; undoDelete: (note: Note) => void; dismissDeleted: () => void } {
  const [editingId, setEditingId] = useState<string>();
  const [deleted, setDeleted] = useState<Note>();
  const edits: NoteEdits = {
    editingId,
    onEdit: (n) => setEditingId(n.id),
    onCancelEdit: () => setEditingId(undefined),
    onSaveEdit: (n, body) => act(() => call(updateNoteRoute, { id: n.id, body }).then(() => setEditingId(undefined))),
    onDelete: (n) => act(() => call(deleteNoteRoute, { id: n.id }).then(setDeleted)),
  };
  return {
    edits,
    deleted,
    undoDelete: (n) => act(() => call(undoDeleteNoteRoute, { id: n.id }).then(() => setDeleted(undefined))),
    dismissDeleted: () => setDeleted(undefined),
  };
}
