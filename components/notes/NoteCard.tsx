import type { Note, NoteVersion } from '../../lib/notes/schema';
import { isSafeHref } from '../../lib/notes/markdown';
import { Markdown } from './Markdown';
import { RenderBoundary } from './RenderBoundary';

export type NoteCardProps = {
  note: Note;
  /** True when the note's text was not found on this page (it is listed, never deleted). */
  notFound?: boolean;
  /** Show the page (title, link) the note belongs to: for the all-notes list. */
  showPage?: boolean;
  /** Jump to the note's highlight on the page. */
  onSelect?: (note: Note) => void;
  onEdit?: (note: Note) => void;
  onDelete?: (note: Note) => void;
  /** Attach a not-found note to the reader's current selection. */
  onReattach?: (note: Note) => void;
  /** Keep another device's version (conflict resolution, done by the caller). */
  onKeepVersion?: (note: Note, version: NoteVersion) => void;
};

const when = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
// A note imported without dates is dated 0 (older than any edit); it shows no date rather than 1970.

/**
 * One note: its quote, rendered Markdown, tags and colour, with edit and delete. A note whose text is
 * gone says so and offers re-attaching; conflicting versions from other devices are shown beside it.
 * A note that cannot be rendered is shown as its raw text, with edit and delete still offered.
 */
export function NoteCard(props: NoteCardProps) {
  return (
    <RenderBoundary fallback={<RawNoteCard {...props} />}>
      <FullNoteCard {...props} />
    </RenderBoundary>
  );
}

/** The note's quote and text as they are stored, as text; reads defensively (the row may be odd). */
function RawNoteCard({ note, onEdit, onDelete }: NoteCardProps) {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return (
    <article class="cc-note-card cc-note-card--raw" aria-label="Note">
      <blockquote class="cc-note-card__quote">{text(note.target?.quote?.exact)}</blockquote>
      <div class="cc-raw-text">{text(note.body?.text)}</div>
      <p class="cc-error" role="status">This note could not be shown in full; here is its text as stored.</p>
      <div class="cc-actions">
        {onEdit && <button type="button" onClick={() => onEdit(note)}>Edit</button>}
        {onDelete && <button type="button" onClick={() => onDelete(note)}>Delete</button>}
      </div>
    </article>
  );
}

function FullNoteCard({ note, notFound, showPage, onSelect, onEdit, onDelete, onReattach, onKeepVersion }: NoteCardProps) {
  const { quote } = note.target;
  const label = quote.exact.length > 60 ? `${quote.exact.slice(0, 60)}…` : quote.exact;
  return (
    <article class={`cc-note-card cc-note-card--${note.body.color}${notFound ? ' cc-note-card--not-found' : ''}`} aria-label={`Note on “${label}”`}>
      {showPage && (
        <p class="cc-note-card__page">
          {/* Only a web page is a link (a note stored before targets were checked may hold another URL). */}
          {isSafeHref(note.target.url) ? (
            <a href={note.target.url} target="_blank" rel="noopener noreferrer">{note.target.title || note.target.source}</a>
          ) : (
            note.target.title || note.target.source
          )}
        </p>
      )}
      {onSelect && !notFound ? (
        <button type="button" class="cc-note-card__quote" onClick={() => onSelect(note)} title="Show on the page">
          <q>{quote.exact}</q>
        </button>
      ) : (
        <blockquote class="cc-note-card__quote">{quote.exact}</blockquote>
      )}
      {notFound && (
        <p class="cc-note-card__not-found" role="status">
          Not found on this page: the text may have changed. The note is kept.
          {onReattach && (
            <button type="button" onClick={() => onReattach(note)}>Re-attach to the selected text</button>
          )}
        </p>
      )}
      {note.body.text ? <Markdown text={note.body.text} /> : <p class="cc-empty">No note text.</p>}
      <p class="cc-note-card__meta">
        <span class={`cc-swatch cc-swatch--${note.body.color}`} role="img" aria-label={`Colour: ${note.body.color}`} />
        {note.body.tags.length > 0 && (
          <ul class="cc-tags" aria-label="Tags">
            {note.body.tags.map((t) => <li key={t}>{t}</li>)}
          </ul>
        )}
        {note.modified > 0 && <time dateTime={new Date(note.modified).toISOString()}>{when(note.modified)}</time>}
      </p>
      {note.conflicts.length > 0 && (
        <section class="cc-conflicts" aria-label="Other versions">
          <h4>Edited on another device too ({note.conflicts.length})</h4>
          {note.conflicts.map((v, i) => (
            <div key={`${v.deviceId}-${v.modified}-${i}`} class="cc-conflict">
              <p class="cc-conflict__meta">Version from {v.deviceId}{v.modified > 0 ? `, ${when(v.modified)}` : ''}</p>
              {v.text ? <Markdown text={v.text} /> : <p class="cc-empty">No note text.</p>}
              {v.tags.length > 0 && <p>Tags: {v.tags.join(', ')}</p>}
              {onKeepVersion && <button type="button" onClick={() => onKeepVersion(note, v)}>Keep this version</button>}
            </div>
          ))}
        </section>
      )}
      <div class="cc-actions">
        {onEdit && <button type="button" onClick={() => onEdit(note)}>Edit</button>}
        {onDelete && <button type="button" onClick={() => onDelete(note)}>Delete</button>}
      </div>
    </article>
  );
}
