// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NoteList } from '../../../components/notes/NoteList';
import { makeNote } from '../../fixtures/notes/sample-notes';

afterEach(cleanup);

const notes = [makeNote({ n: 1 }), makeNote({ n: 2 }), makeNote({ n: 3 })];

describe('NoteList', () => {
  it('shows the empty state', () => {
    render(<NoteList notes={[]} emptyText="No notes on this page yet." />);
    expect(screen.getByText('No notes on this page yet.')).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('lists found notes, then those not found on this page', () => {
    render(<NoteList notes={notes} notFoundIds={new Set([notes[1]!.id])} />);
    const found = screen.getByRole('list', { name: 'Notes' });
    expect(within(found).getAllByRole('article')).toHaveLength(2);
    const missing = screen.getByRole('region', { name: 'Not found on this page (1)' });
    expect(within(missing).getByText('quoted words 2')).toBeTruthy();
  });

  it('shows an editor in place of the note being edited and passes the new body back', () => {
    const onSaveEdit = vi.fn();
    render(<NoteList notes={notes} editingId={notes[0]!.id} onSaveEdit={onSaveEdit} onCancelEdit={vi.fn()} />);
    expect(screen.getAllByRole('article')).toHaveLength(2);
    const text = screen.getByLabelText('Note (Markdown)');
    fireEvent.input(text, { target: { value: 'edited' } });
    fireEvent.keyDown(text, { key: 'Enter', ctrlKey: true });
    expect(onSaveEdit).toHaveBeenCalledWith(notes[0], { text: 'edited', tags: ['ukraine'], color: 'yellow' });
  });

  it('offers undo after a delete', () => {
    const onUndo = vi.fn();
    const onDelete = vi.fn();
    render(<NoteList notes={notes.slice(1)} deleted={notes[0]} onUndoDelete={onUndo} onDelete={onDelete} />);
    expect(screen.getByRole('status').textContent).toContain('Note deleted.');
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(onUndo).toHaveBeenCalledWith(notes[0]);
    fireEvent.click(screen.getAllByRole('button', { name: 'Delete' })[0]!);
    expect(onDelete).toHaveBeenCalledWith(notes[1]);
  });
});
