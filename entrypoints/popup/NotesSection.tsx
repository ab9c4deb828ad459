import { browser } from '#imports';
import { useEffect, useState } from 'preact/hooks';
import { NoteList } from '@/components/notes/NoteList';
import { useLiveQuery } from '@/components/notes/useLiveQuery';
import { call, callTab } from '@/lib/messaging/runtime';
import { pageNotesDb } from '@/lib/notes/db';
import { reattachNoteRoute } from '@/lib/notes/note-routes';
import { describeSelectionRoute, getNoteAnchorsRoute, showNoteRoute } from '@/lib/notes/note-content-routes';
import { listPageNotes } from '@/lib/notes/notes-query';
import type { Note } from '@/lib/notes/schema';
import '@/components/notes/notes.css';
import { ErrorMessage } from '@/components/common/ErrorMessage';
import { useAction } from '@/components/common/useAction';
import { useNoteEdits } from '@/components/notes/useNoteEdits';

export type NotesSectionProps = { tabId: number };

type Anchors = { source: string; notFound: Set<string> };

/** Time for the page to repaint after a change before asking it which notes it found. */
const REPAINT_MS = 400;

/**
 * This page's notes in the popup: found ones (click to show on the page), then those whose text
 * is gone ("not found on this page", with their quote) with re-attach to the current selection;
 * edit, delete with undo; a link to all notes. The list is live (Dexie liveQuery).
 */
export function NotesSection({ tabId }: NotesSectionProps) {
  const db = pageNotesDb();
  const [anchors, setAnchors] = useState<Anchors | null | 'none'>(null);
  const { error, act } = useAction();
  const { edits, deleted, undoDelete } = useNoteEdits(act);
  const askPage = () =>
    callTab(tabId, getNoteAnchorsRoute, {}).then(
      (a) => setAnchors({ source: a.source, notFound: new Set(a.notFound) }),
      () => setAnchors('none'), // no content script: not a web page, or loaded before Crosscheck
    );
  useEffect(() => void askPage(), [tabId]);
  const source = anchors && anchors !== 'none' ? anchors.source : null;
  const notes = useLiveQuery(() => (source ? listPageNotes(db, source) : Promise.resolve([])), [source]);
  // After any change the page repaints; then ask it again which notes it found.
  useEffect(() => {
    if (notes.status !== 'ready' || !source) return;
    const timer = setTimeout(() => void askPage(), REPAINT_MS);
    return () => clearTimeout(timer);
  }, [notes]);

  const reattach = (note: Note) =>
    act(async () => {
      const selectors = await callTab(tabId, describeSelectionRoute, {});
      if (!selectors) throw new Error('Select the text on the page first, then choose Re-attach.');
      await call(reattachNoteRoute, { id: note.id, ...selectors });
    });

  if (anchors === 'none') return null;
  return (
    <section aria-labelledby="cc-notes-title" data-testid="notes-section">
      <h2 id="cc-notes-title">Your notes on this page</h2>
      {error && <ErrorMessage message={error} />}
      {notes.status === 'error' && <ErrorMessage message={`Could not read your notes: ${notes.message}`} />}
      {(anchors === null || notes.status === 'loading') && <p class="cc-muted">Reading your notes…</p>}
      {anchors !== null && notes.status === 'ready' && (
        <NoteList
          notes={notes.value}
          notFoundIds={anchors.notFound}
          emptyText="No notes on this page yet. Select text on the page to add one."
          {...edits}
          onSelect={(n) => act(() => callTab(tabId, showNoteRoute, { id: n.id }).then((shown) => shown && window.close()))}
          deleted={deleted}
          onUndoDelete={undoDelete}
          onReattach={reattach}
        />
      )}
      <p class="cc-toolbar">
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noopener">
          All notes
        </a>
        {source && notes.status === 'ready' && notes.value.length > 0 && (
          <a
            href={browser.runtime.getURL(`/options.html?page=${encodeURIComponent(source)}#cc-import-export`)}
            target="_blank"
            rel="noopener"
          >
            Export this page's notes
          </a>
        )}
      </p>
    </section>
  );
}
