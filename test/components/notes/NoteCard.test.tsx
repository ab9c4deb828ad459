// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NoteCard } from '@/components/notes/NoteCard';
import { makeNote } from '../../fixtures/notes/sample-notes';

afterEach(cleanup);

describe('NoteCard', () => {
  const note = makeNote({ n: 1, body: { text: 'Check **this**', tags: ['Ukraine', 'numbers'], color: 'blue' } });

  it('shows the quote, the rendered note, tags and colour', () => {
    const { container } = render(<NoteCard note={note} />);
    expect(screen.getByText('quoted words 1')).toBeTruthy();
    expect(container.querySelector('strong')?.textContent).toBe('this');
    expect(screen.getByRole('list', { name: 'Tags' }).textContent).toBe('Ukrainenumbers');
    expect(screen.getByRole('img', { name: 'Colour: blue' })).toBeTruthy();
    expect(screen.getByRole('article').className).toContain('cc-note-card--blue');
    expect(screen.queryByRole('button')).toBeNull(); // no callbacks, no buttons
  });

  it('links the page only when it is a web page', () => {
    const base = makeNote({ n: 2 });
    const stored = { ...base, target: { ...base.target, url: 'javascript:alert(1)', source: 'javascript:alert(1)', title: 'Old import' } };
    const { container } = render(<NoteCard note={stored} showPage />);
    expect(screen.getByText('Old import')).toBeTruthy();
    expect(container.querySelector('a')).toBeNull();
  });

  it('shows no date for a note imported without one', () => {
    const { container } = render(<NoteCard note={{ ...note, modified: 0, created: 0 }} />);
    expect(container.querySelector('time')).toBeNull();
    expect(container.textContent).not.toContain('1970');
  });

  it('calls back on edit, delete and select', () => {
    const [onEdit, onDelete, onSelect] = [vi.fn(), vi.fn(), vi.fn()];
    render(<NoteCard note={note} onEdit={onEdit} onDelete={onDelete} onSelect={onSelect} />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    fireEvent.click(screen.getByRole('button', { name: 'quoted words 1' }));
    expect(onEdit).toHaveBeenCalledWith(note);
    expect(onDelete).toHaveBeenCalledWith(note);
    expect(onSelect).toHaveBeenCalledWith(note);
  });

  it('says when the text is not found on the page and offers re-attaching', () => {
    const onReattach = vi.fn();
    render(<NoteCard note={note} notFound onReattach={onReattach} onSelect={vi.fn()} />);
    expect(screen.getByRole('status').textContent).toMatch(/Not found on this page/);
    expect(screen.getByText('quoted words 1').tagName).toBe('BLOCKQUOTE'); // nothing to jump to
    fireEvent.click(screen.getByRole('button', { name: 'Re-attach to the selected text' }));
    expect(onReattach).toHaveBeenCalledWith(note);
  });

  it('shows conflicting versions with a way to keep one', () => {
    const onKeep = vi.fn();
    const version = { text: 'Their *edit*', tags: ['x'], color: 'pink' as const, modified: Date.UTC(2026, 0, 1), deviceId: 'laptop' };
    render(<NoteCard note={{ ...note, conflicts: [version] }} onKeepVersion={onKeep} />);
    const section = screen.getByRole('region', { name: 'Other versions' });
    expect(section.textContent).toMatch(/Edited on another device too \(1\)/);
    expect(section.textContent).toMatch(/Version from laptop/);
    expect(section.querySelector('em')?.textContent).toBe('edit');
    fireEvent.click(screen.getByRole('button', { name: 'Keep this version' }));
    expect(onKeep).toHaveBeenCalledWith({ ...note, conflicts: [version] }, version);
  });

  it('shows an empty state for a note without text, and the page when asked', () => {
    render(<NoteCard note={{ ...note, body: { ...note.body, text: '' } }} showPage />);
    expect(screen.getByText('No note text.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'A story' }).getAttribute('href')).toBe(note.target.url);
  });
});
