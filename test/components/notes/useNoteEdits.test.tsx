// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useAction } from '@/components/common/useAction';
import { useNoteEdits } from '@/components/notes/useNoteEdits';
import type { Note, NoteBody } from '@/lib/notes/schema';

// The background, as the hook reaches it: each request recorded, answered with the note (or refused).
const requests: { route: string; data: unknown }[] = [];
let refuse: string | null = null;
vi.mock('@/lib/messaging/runtime', () => ({
  call: async (route: { name: string }, data: { id: string }) => {
    requests.push({ route: route.name, data });
    if (refuse) throw new Error(refuse);
    return note;
  },
}));

const note = { id: 'n1' } as Note;
const body: NoteBody = { text: 'new', tags: [], color: 'yellow' };

function Harness() {
  const { error, act } = useAction();
  const { edits, deleted, undoDelete, dismissDeleted } = useNoteEdits(act);
  return (
    <>
      <p data-testid="state">{`editing=${edits.editingId ?? '-'} deleted=${deleted?.id ?? '-'} error=${error ?? '-'}`}</p>
      <button type="button" onClick={() => edits.onEdit(note)}>edit</button>
      <button type="button" onClick={edits.onCancelEdit}>cancel</button>
      <button type="button" onClick={() => edits.onSaveEdit(note, body)}>save</button>
      <button type="button" onClick={() => edits.onDelete(note)}>delete</button>
      <button type="button" onClick={() => undoDelete(note)}>undo</button>
      <button type="button" onClick={dismissDeleted}>dismiss</button>
    </>
  );
}

const state = () => screen.getByTestId('state').textContent;
const click = (name: string) => fireEvent.click(screen.getByText(name));

afterEach(() => {
  cleanup();
  requests.length = 0;
  refuse = null;
});

describe('useNoteEdits', () => {
  it('edits a note in place: cancel closes the editor, a save closes it once the background has the note', async () => {
    render(<Harness />);
    click('edit');
    expect(state()).toBe('editing=n1 deleted=- error=-');
    click('cancel');
    expect(state()).toBe('editing=- deleted=- error=-');
    click('edit');
    click('save');
    await waitFor(() => expect(state()).toBe('editing=- deleted=- error=-'));
    expect(requests).toEqual([{ route: 'updateNote', data: { id: 'n1', body } }]);
  });

  it('keeps the editor open and says why when a save is refused', async () => {
    render(<Harness />);
    click('edit');
    refuse = 'disk full';
    click('save');
    await waitFor(() => expect(state()).toBe('editing=n1 deleted=- error=disk full'));
  });

  it('offers the deleted note for undo until it is undone or dismissed', async () => {
    render(<Harness />);
    click('delete');
    await waitFor(() => expect(state()).toBe('editing=- deleted=n1 error=-'));
    click('undo');
    await waitFor(() => expect(state()).toBe('editing=- deleted=- error=-'));
    click('delete');
    await waitFor(() => expect(state()).toBe('editing=- deleted=n1 error=-'));
    click('dismiss');
    expect(state()).toBe('editing=- deleted=- error=-');
    expect(requests.map((r) => r.route)).toEqual(['deleteNote', 'undoDeleteNote', 'deleteNote']);
  });
});
