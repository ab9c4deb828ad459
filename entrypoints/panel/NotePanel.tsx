import { useEffect, useState } from 'preact/hooks';
import { NoteCard } from '@/components/notes/NoteCard';
import { NoteEditor } from '@/components/notes/NoteEditor';
import type { NotePanelStateSchema } from '@/lib/annotator/panel-state';
import { call } from '@/lib/messaging/runtime';
import {
  createNoteRoute,
  deleteNoteRoute,
  getNoteRoute,
  undoDeleteNoteRoute,
  updateNoteRoute,
} from '@/lib/notes/note-api';
import type { Note, NoteBody } from '@/lib/notes/schema';
import type * as z from 'zod/mini';
import '@/components/notes/notes.css';

export type NotePanelProps = { state: z.infer<typeof NotePanelStateSchema>; onClose: () => void };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The editor for a new note on the selection; saving closes the panel, and the note is painted. */
function NewNote({ state, onClose }: NotePanelProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  if (!state.target) return <p role="alert" class="cc-error">This panel was opened without any text to note.</p>;
  const save = async (body: NoteBody) => {
    setBusy(true);
    setError(undefined);
    try {
      await call(createNoteRoute, { target: state.target!, body, ...(state.claimId ? { claimId: state.claimId } : {}) });
      onClose();
    } catch (e) {
      // The editor keeps what was typed; the reader can try again.
      setError(`Could not save the note: ${message(e)}`);
      setBusy(false);
    }
  };
  return (
    <section aria-label="New note">
      <h1>New note</h1>
      <NoteEditor quote={state.target.quote.exact} onSave={(b) => void save(b)} onCancel={onClose} busy={busy} error={error} />
    </section>
  );
}

/** One saved note (opened from its highlight): read it, edit it, delete it (with undo). */
function SavedNote({ id, onClose }: { id: string; onClose: () => void }) {
  const [note, setNote] = useState<Note | null>(null);
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  useEffect(() => {
    call(getNoteRoute, { id }).then(setNote, (e: unknown) => setError(message(e)));
  }, [id]);
  const run = async (work: () => Promise<Note>, after?: () => void) => {
    setBusy(true);
    setError(undefined);
    try {
      setNote(await work());
      after?.();
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
    }
  };
  if (!note) return error ? <p role="alert" class="cc-error">{error}</p> : <p class="cc-muted">Opening the note…</p>;
  if (editing) {
    return (
      <NoteEditor
        quote={note.target.quote.exact}
        initial={note.body}
        busy={busy}
        error={error && `Could not save: ${error}`}
        onSave={(body) => void run(() => call(updateNoteRoute, { id, body }), () => setEditing(false))}
        onCancel={() => setEditing(false)}
      />
    );
  }
  return (
    <section aria-label="Your note">
      <div class="cc-panel__bar">
        <h1>Your note</h1>
        <button type="button" class="cc-close" aria-label="Close note" title="Close (Esc)" onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <div role="status">
        {note.deleted && (
          <p class="cc-undo">
            Note deleted.{' '}
            <button type="button" onClick={() => void run(() => call(undoDeleteNoteRoute, { id }))}>Undo</button>
          </p>
        )}
      </div>
      {error && <p role="alert" class="cc-error">{error}</p>}
      {!note.deleted && (
        <NoteCard
          note={note}
          onEdit={() => setEditing(true)}
          onDelete={() => void run(() => call(deleteNoteRoute, { id }))}
        />
      )}
    </section>
  );
}

/** The panel's note mode: a new note on the selection, or a saved note opened from the page. */
export function NotePanel({ state, onClose }: NotePanelProps) {
  return state.noteId ? <SavedNote id={state.noteId} onClose={onClose} /> : <NewNote state={state} onClose={onClose} />;
}
