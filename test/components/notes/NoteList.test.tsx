// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NoteList } from '@/components/notes/NoteList';
import { makeNote } from '../../fixtures/notes/sample-notes';

afterEach(cleanup);

const notes = [makeNote({ n: 1 }), makeNote({ n: 2 }), makeNote({ n: 3 })];

describe('NoteList', () => {
  it('shows every note when one cannot be rendered: that one as its raw text', () => {
    const nested = makeNote({ n: 4, body: { text: `${'['.repeat(1600)}a${'](http://x)'.repeat(1600)}`, tags: [], color: 'yellow' } });
    // A row stored before dates were bounded: no browser can print it.
    const undatable = makeNote({ n: 5, modified: 9e15, body: { text: '<b>raw</b> *text*', tags: [], color: 'pink' } });
    render(<NoteList notes={[notes[0]!, nested, undatable]} onDelete={vi.fn()} />);
    const cards = within(screen.getByRole('list', { name: 'Notes' })).getAllByRole('article');
    expect(cards).toHaveLength(3);
    expect(cards[0]!.textContent).toContain('Note number 1');
    expect(cards[1]!.textContent).toContain('a');
    expect(cards[2]!.textContent).toContain('<b>raw</b> *text*');
    expect(cards[2]!.querySelector('b')).toBeNull();
    expect(within(cards[2]!).getByRole('button', { name: 'Delete' })).toBeTruthy();
  });

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
