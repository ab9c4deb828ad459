// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NoteEditor } from '@/components/notes/NoteEditor';

afterEach(cleanup);

function setup(props: Partial<Parameters<typeof NoteEditor>[0]> = {}) {
  const onSave = vi.fn();
  const onCancel = vi.fn();
  render(<NoteEditor quote="the quoted words" onSave={onSave} onCancel={onCancel} {...props} />);
  const text = screen.getByLabelText('Note (Markdown)') as HTMLTextAreaElement;
  const tags = screen.getByLabelText('Tags, separated by commas') as HTMLInputElement;
  return { onSave, onCancel, text, tags };
}

describe('NoteEditor', () => {
  it('shows the quote and saves text, normalised tags and the chosen colour', () => {
    const { onSave, text, tags } = setup();
    expect(screen.getByText('the quoted words')).toBeTruthy();
    fireEvent.input(text, { target: { value: 'My *note*' } });
    fireEvent.input(tags, { target: { value: ' Ukraine, troops ,, ukraine ' } });
    fireEvent.click(screen.getByLabelText('green'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenCalledWith({ text: 'My *note*', tags: ['Ukraine', 'troops'], color: 'green' });
  });

  it('saves with Ctrl+Enter and with Cmd+Enter, and cancels with Escape', () => {
    const { onSave, onCancel, text } = setup({ initial: { text: 'old', tags: ['a'], color: 'pink' } });
    expect(text.value).toBe('old');
    expect((screen.getByLabelText('pink') as HTMLInputElement).checked).toBe(true);
    fireEvent.keyDown(text, { key: 'Enter', ctrlKey: true });
    fireEvent.keyDown(text, { key: 'Enter', metaKey: true });
    expect(onSave).toHaveBeenCalledTimes(2);
    expect(onSave).toHaveBeenLastCalledWith({ text: 'old', tags: ['a'], color: 'pink' });
    fireEvent.keyDown(text, { key: 'Enter' }); // a plain Enter is a new line, not a save
    expect(onSave).toHaveBeenCalledTimes(2);
    fireEvent.keyDown(text, { key: 'Escape' });
    expect(onCancel).toHaveBeenCalledOnce();
  });

  it('shows a clear error beside a bad field, keeps what was typed, and does not save', () => {
    const { onSave, tags, text } = setup();
    fireEvent.input(text, { target: { value: 'keep this' } });
    fireEvent.input(tags, { target: { value: 'ok, ' + 'x'.repeat(41) } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(tags.getAttribute('aria-invalid')).toBe('true');
    const error = document.getElementById(tags.getAttribute('aria-describedby')!)!;
    expect(error.textContent).toMatch(/longer than 40 characters/);
    expect(screen.getByRole('alert').textContent).toMatch(/^Not saved: /);
    expect(text.value).toBe('keep this');
    fireEvent.input(tags, { target: { value: 'ok' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenCalledWith({ text: 'keep this', tags: ['ok'], color: 'yellow' });
    expect(tags.getAttribute('aria-invalid')).toBeNull();
  });

  it('rejects too many tags and too long a text', () => {
    const { onSave, tags, text } = setup();
    fireEvent.input(tags, { target: { value: Array.from({ length: 21 }, (_, i) => `t${i}`).join(',') } });
    fireEvent.input(text, { target: { value: 'x'.repeat(20_001) } });
    fireEvent.keyDown(text, { key: 'Enter', ctrlKey: true });
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toMatch(/20001 characters long.*21 tags; the most is 20/);
  });

  it('shows an error from the caller and disables saving while busy', () => {
    const { onSave, text } = setup({ busy: true, error: 'The extension could not save the note.' });
    expect(screen.getByRole('alert').textContent).toContain('could not save');
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.keyDown(text, { key: 'Enter', ctrlKey: true });
    expect(onSave).not.toHaveBeenCalled();
  });
});
