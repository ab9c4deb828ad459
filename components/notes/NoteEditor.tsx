import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { normaliseTags } from '../../lib/fold';
import { MAX_NOTE_TEXT, MAX_TAG_LENGTH, MAX_TAGS, NOTE_COLORS } from '../../lib/notes/limits';
import type { NoteBody } from '../../lib/notes/schema';
import { ErrorMessage } from '../common/ErrorMessage';

export type NoteEditorProps = {
  /** The selected text the note is about, shown above the editor. */
  quote?: string;
  /** The body being edited; a new note starts empty and yellow. */
  initial?: NoteBody;
  onSave: (body: NoteBody) => void;
  onCancel: () => void;
  /** True while the caller saves: the buttons are disabled. */
  busy?: boolean;
  /** An error from the caller (e.g. the save failed), shown with the form's own errors. */
  error?: string;
};

type Errors = { text?: string; tags?: string };

/** Splits the tags field ("ukraine, troops") into tags, and checks text and tags against the limits. */
function check(text: string, tagsField: string): { tags: string[]; errors: Errors } {
  const tags = normaliseTags(tagsField.split(','));
  const errors: Errors = {};
  if (text.length > MAX_NOTE_TEXT) errors.text = `The note is ${text.length} characters long; the most is ${MAX_NOTE_TEXT}.`;
  const long = tags.find((t) => t.length > MAX_TAG_LENGTH);
  if (long) errors.tags = `The tag “${long.slice(0, 20)}…” is longer than ${MAX_TAG_LENGTH} characters.`;
  else if (tags.length > MAX_TAGS) errors.tags = `${tags.length} tags; the most is ${MAX_TAGS}.`;
  return { tags, errors };
}

/**
 * Editor for a note: Markdown text, comma-separated tags and a colour. Ctrl+Enter (⌘+Enter) saves,
 * Escape cancels. Errors are shown beside their field and announced; nothing typed is lost.
 */
export function NoteEditor({ quote, initial, onSave, onCancel, busy = false, error }: NoteEditorProps) {
  const id = useId();
  const [text, setText] = useState(initial?.text ?? '');
  const [tagsField, setTagsField] = useState((initial?.tags ?? []).join(', '));
  const [color, setColor] = useState<NoteBody['color']>(initial?.color ?? 'yellow');
  const [errors, setErrors] = useState<Errors>({});
  const textRef = useRef<HTMLTextAreaElement>(null);
  // `autofocus` only works for the first such element when a document loads (and Firefox skips it
  // in a frame): focus the text explicitly, so the reader can type at once.
  useEffect(() => textRef.current?.focus(), []);

  const save = () => {
    if (busy) return;
    const result = check(text, tagsField);
    setErrors(result.errors);
    if (!result.errors.text && !result.errors.tags) onSave({ text, tags: result.tags, color });
  };
  const onKeyDown = (e: JSX.TargetedKeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      save();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation(); // the page must not also react (e.g. close its own dialog)
      onCancel();
    }
  };
  const messages = [errors.text, errors.tags, error].filter(Boolean);

  return (
    <form
      class="cc-note-editor"
      aria-label="Note"
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      {quote && <blockquote class="cc-note-editor__quote">{quote}</blockquote>}
      <label for={`${id}-text`}>Note (Markdown)</label>
      <textarea
        id={`${id}-text`}
        ref={textRef}
        value={text}
        rows={5}
        autoFocus
        aria-invalid={errors.text ? true : undefined}
        aria-describedby={errors.text ? `${id}-text-error` : `${id}-hint`}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <p id={`${id}-hint`} class="cc-hint">Ctrl+Enter (⌘+Enter) saves, Escape cancels.</p>
      {errors.text && <ErrorMessage id={`${id}-text-error`} message={errors.text} announce={false} />}
      <label for={`${id}-tags`}>Tags, separated by commas</label>
      <input
        id={`${id}-tags`}
        type="text"
        value={tagsField}
        aria-invalid={errors.tags ? true : undefined}
        aria-describedby={errors.tags ? `${id}-tags-error` : undefined}
        onInput={(e) => setTagsField(e.currentTarget.value)}
      />
      {errors.tags && <ErrorMessage id={`${id}-tags-error`} message={errors.tags} announce={false} />}
      <fieldset class="cc-colors">
        <legend>Colour</legend>
        {NOTE_COLORS.map((c) => (
          <label key={c} class={`cc-color cc-color--${c}`}>
            <input type="radio" name={`${id}-color`} value={c} checked={color === c} onChange={() => setColor(c)} />
            {c}
          </label>
        ))}
      </fieldset>
      <div role="alert" class="cc-errors">
        {messages.length > 0 && <p>{messages.length === 1 ? 'Not saved: ' : 'Not saved. '}{messages.join(' ')}</p>}
      </div>
      <div class="cc-actions">
        <button type="submit" disabled={busy}>Save</button>
        <button type="button" onClick={onCancel} disabled={busy}>Cancel</button>
      </div>
    </form>
  );
}
