// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { createRef } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UndoToast } from '@/components/common/UndoToast';

afterEach(cleanup);

describe('UndoToast', () => {
  it('is an empty live region until something is done', () => {
    render(<UndoToast text={null} onUndo={vi.fn()} onDismiss={vi.fn()} />);
    expect(screen.getByRole('status').textContent).toBe('');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('says what was done, as text, and offers Undo and Dismiss', () => {
    const onUndo = vi.fn();
    const onDismiss = vi.fn();
    const undoRef = createRef<HTMLButtonElement>();
    render(<UndoToast text="Deleted “<b>x</b>”." onUndo={onUndo} onDismiss={onDismiss} undoRef={undoRef} />);
    expect(screen.getByRole('status').textContent).toBe('Deleted “<b>x</b>”.Undo×');
    expect(screen.getByRole('status').querySelector('b')).toBeNull();
    expect(undoRef.current).toBe(screen.getByRole('button', { name: 'Undo' }));
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(onUndo).toHaveBeenCalledOnce();
    expect(onDismiss).toHaveBeenCalledOnce();
  });
});
