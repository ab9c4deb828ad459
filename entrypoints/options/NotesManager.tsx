import { useState } from 'preact/hooks';
import { NoteFilters } from '@/components/notes/NoteFilters';
import { NoteList } from '@/components/notes/NoteList';
import { useLiveQuery } from '@/components/notes/useLiveQuery';
import { pageNotesDb } from '@/lib/notes/db';
import { listSites, listTags, searchNotes } from '@/lib/notes/notes-query';
import { ErrorMessage } from '@/components/common/ErrorMessage';
import { UndoToast } from '@/components/common/UndoToast';
import { useAction } from '@/components/common/useAction';
import { useNoteEdits } from '@/components/notes/useNoteEdits';


/**
 * All the reader's notes: full-text search, tag and site filters, edit, delete with an Undo
 * toast. Lists are live: a note saved in a tab appears here at once.
 */
export function NotesManager() {
  const db = pageNotesDb();
  const [text, setText] = useState('');
  const [tag, setTag] = useState('');
  const [site, setSite] = useState('');
  const { error, act } = useAction();
  const { edits, deleted, undoDelete, dismissDeleted } = useNoteEdits(act);
  const total = useLiveQuery(() => db.notes.where('live').equals(1).count(), []);
  const facets = useLiveQuery(async () => ({ tags: await listTags(db), sites: await listSites(db) }), []);
  const notes = useLiveQuery(
    () => searchNotes(db, { text, ...(tag ? { tag } : {}), ...(site ? { site } : {}) }),
    [text, tag, site],
  );

  const none = total.status === 'ready' && total.value === 0;
  return (
    <section aria-labelledby="cc-all-notes" class="cc-notes-manager" data-testid="notes-manager">
      <h2 id="cc-all-notes">Your notes{total.status === 'ready' && total.value > 0 ? ` (${total.value})` : ''}</h2>
      {none ? (
        <p class="cc-empty">
          You have no notes yet. On any page, select text and choose the ✎ button beside it, “Add Crosscheck
          note” in the context menu, or the keyboard shortcut.
        </p>
      ) : (
        <>
          <NoteFilters
            text={text}
            tag={tag}
            site={site}
            tags={facets.status === 'ready' ? facets.value.tags : []}
            sites={facets.status === 'ready' ? facets.value.sites : []}
            onText={setText}
            onTag={setTag}
            onSite={setSite}
          />
          {error && <ErrorMessage message={error} />}
          {notes.status === 'error' && <ErrorMessage message={`Could not search your notes: ${notes.message}`} />}
          {notes.status === 'ready' && (
            <NoteList
              notes={notes.value}
              showPage
              emptyText="No notes match. Try fewer words, or clear the filters."
              {...edits}
            />
          )}
        </>
      )}
      <UndoToast text={deleted ? 'Note deleted.' : null} onUndo={() => deleted && undoDelete(deleted)} onDismiss={dismissDeleted} />
    </section>
  );
}
