// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ActionStatus } from '@/components/common/ActionStatus';

afterEach(cleanup);

describe('ActionStatus', () => {
  it('is an empty status region before any outcome', () => {
    render(<ActionStatus outcome={null} testId="outcome" />);
    const region = screen.getByTestId('outcome');
    expect(region.getAttribute('role')).toBe('status');
    expect(region.textContent).toBe('');
  });

  it('says politely what worked, and at once, in the error style, what failed (as text)', () => {
    const { rerender } = render(<ActionStatus outcome={{ kind: 'ok', text: 'Imported 3 notes.' }} testId="outcome" />);
    expect(screen.getByRole('status').textContent).toBe('Imported 3 notes.');
    expect(screen.getByTestId('outcome').querySelector('.cc-error')).toBeNull();

    const text = 'notes.json was not imported: <b>bad</b>';
    rerender(<ActionStatus outcome={{ kind: 'error', text }} testId="outcome" />);
    const region = screen.getByRole('alert');
    expect(region).toBe(screen.getByTestId('outcome'));
    expect(screen.queryByRole('status')).toBeNull();
    const error = region.querySelector('p.cc-error')!;
    expect(error.textContent).toBe(text);
    expect(error.querySelector('b')).toBeNull();
    expect(error.hasAttribute('role')).toBe(false); // the region announces it, once
  });
});
