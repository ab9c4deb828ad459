import { useEffect, useState } from 'preact/hooks';
import { NoteCard } from '@/components/notes/NoteCard';
import { NoteEditor } from '@/components/notes/NoteEditor';
import { useLiveQuery } from '@/components/notes/useLiveQuery';
import type { NotePanelStateSchema } from '@/lib/annotator/panel-state';
import { call } from '@/lib/messaging/runtime';
import { pageNotesDb } from '@/lib/notes/db';
import {
  createNoteRoute,
  openTabNoteEditorRoute,
  deleteNoteRoute,
  getNoteRoute,
  undoDeleteNoteRoute,
  updateNoteRoute,
} from '@/lib/notes/note-routes';
import { fromRecord } from '@/lib/notes/record';
import type { Note, NoteBody } from '@/lib/notes/schema';
import type * as z from 'zod/mini';
import '@/components/notes/notes.css';
import { errorMessage } from '@/lib/error-message';
import { ErrorMessage } from '@/components/common/ErrorMessage';

export type NotePanelProps = { state: z.infer<typeof NotePanelStateSchema>; onClose: () => void };


/** The editor for a new note on the selection; saving closes the panel, and the note is painted. */
function NewNote({ state, onClose }: NotePanelProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  if (!state.target) return <ErrorMessage message="This panel was opened without any text to note." />;
  const save = async (body: NoteBody) => {
    setBusy(true);
    setError(undefined);
    try {
      await call(createNoteRoute, { target: state.target!, body, ...(state.claimId ? { claimId: state.claimId } : {}) });
      onClose();
    } catch (e) {
      // The editor keeps what was typed; the reader can try again.
      setError(`Could not save the note: ${errorMessage(e)}`);
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
    call(getNoteRoute, { id }).then(setNote, (e: unknown) => setError(errorMessage(e)));
  }, [id]);
  const run = async (work: () => Promise<Note>, after?: () => void) => {
    setBusy(true);
    setError(undefined);
    try {
      setNote(await work());
      after?.();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  if (!note) return error ? <ErrorMessage message={error} /> : <p class="cc-muted">Opening the note…</p>;
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
      {error && <ErrorMessage message={error} />}
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

/**
 * "Your notes" in a claim card: the reader's notes on this claim (any page), live, and "Add a note
 * on this claim", which opens the editor on the claim's sentence in this tab. Render it as the
 * ClaimCard's children.
 */
export function ClaimNotes({ claimId }: { claimId: string }) {
  const db = pageNotesDb();
  const [error, setError] = useState<string>();
  // No claimId index: a scan, fine for the card (opened by a click); an index would need db v3.
  const notes = useLiveQuery(
    async () => (await db.notes.filter((r) => r.live === 1 && r.claimId === claimId).toArray()).map(fromRecord),
    [claimId],
  );
  const add = () =>
    call(openTabNoteEditorRoute, { claimId }).then(
      (opened) => opened || setError('The claim’s sentence is no longer on the page.'),
      (e: unknown) => setError(errorMessage(e)),
    );
  return (
    <div class="cc-claim-notes">
      {notes.status === 'ready' && notes.value.length === 0 && <p class="cc-empty">No notes on this claim yet.</p>}
      {notes.status === 'ready' && notes.value.map((n) => <NoteCard key={n.id} note={n} showPage />)}
      {error && <ErrorMessage message={error} />}
      <button type="button" onClick={() => void add()}>Add a note on this claim</button>
    </div>
  );
}
