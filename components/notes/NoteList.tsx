import { useId } from 'preact/hooks';
import type { Note, NoteBody } from '../../lib/notes/schema';
import { NoteCard, type NoteCardProps } from './NoteCard';
import { NoteEditor } from './NoteEditor';

export type NoteListProps = Omit<NoteCardProps, 'note' | 'notFound' | 'onEdit'> & {
  notes: Note[];
  /** Ids of notes whose text was not found on this page; listed apart, never hidden. */
  notFoundIds?: ReadonlySet<string>;
  /** Shown when there are no notes (e.g. "No notes on this page yet." or "No notes match."). */
  emptyText?: string;
  /** The note being edited, shown as an editor in place of its card. */
  editingId?: string;
  onEdit?: (note: Note) => void;
  onSaveEdit?: (note: Note, body: NoteBody) => void;
  onCancelEdit?: () => void;
  /** The note just deleted, offered for undo. */
  deleted?: Note;
  onUndoDelete?: (note: Note) => void;
};

/**
 * A list of notes (this page's, or all of them): found notes first, then those not found on this
 * page, an editor in place of the note being edited, and an undo bar after a delete.
 */
export function NoteList(props: NoteListProps) {
  const { notes, notFoundIds, emptyText = 'No notes yet.', editingId, onSaveEdit, onCancelEdit, deleted, onUndoDelete, ...card } = props;
  const headingId = useId();
  const found = notes.filter((n) => !notFoundIds?.has(n.id));
  const missing = notes.filter((n) => notFoundIds?.has(n.id));
  const item = (n: Note, notFound: boolean) => (
    <li key={n.id}>
      {n.id === editingId && onSaveEdit ? (
        <NoteEditor quote={n.target.quote.exact} initial={n.body} onSave={(b) => onSaveEdit(n, b)} onCancel={() => onCancelEdit?.()} />
      ) : (
        <NoteCard {...card} note={n} notFound={notFound} />
      )}
    </li>
  );
  return (
    <div class="cc-note-list">
      <div role="status" class="cc-undo">
        {deleted && (
          <p>
            Note deleted.{' '}
            {onUndoDelete && <button type="button" onClick={() => onUndoDelete(deleted)}>Undo</button>}
          </p>
        )}
      </div>
      {notes.length === 0 && <p class="cc-empty">{emptyText}</p>}
      {found.length > 0 && <ul class="cc-notes" aria-label="Notes">{found.map((n) => item(n, false))}</ul>}
      {missing.length > 0 && (
        <section aria-labelledby={headingId}>
          <h3 id={headingId}>Not found on this page ({missing.length})</h3>
          <ul class="cc-notes">{missing.map((n) => item(n, true))}</ul>
        </section>
      )}
    </div>
  );
}
