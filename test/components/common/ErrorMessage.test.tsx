// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorMessage } from '@/components/common/ErrorMessage';

afterEach(cleanup);

describe('ErrorMessage', () => {
  it('is an alert in the error style, showing its message', () => {
    render(<ErrorMessage message="Could not save: disk full" />);
    const alert = screen.getByRole('alert');
    expect(alert.tagName).toBe('P');
    expect(alert.className).toBe('cc-error');
    expect(alert.textContent).toBe('Could not save: disk full');
    expect(alert.hasAttribute('id')).toBe(false);
    expect(alert.hasAttribute('data-testid')).toBe(false);
  });

  it('shows markup in the message as text', () => {
    const message = 'Bad item: <img src=x onerror="alert(1)"><b>bold</b>';
    render(<ErrorMessage message={message} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe(message);
    expect(alert.children).toHaveLength(0);
  });

  it('carries the id a field describes itself by, and a test id', () => {
    render(
      <>
        <input aria-describedby="f-error" />
        <ErrorMessage id="f-error" message="Too long." testId="field-error" />
      </>,
    );
    const alert = screen.getByTestId('field-error');
    expect(alert.id).toBe('f-error');
    expect(document.getElementById(screen.getByRole('textbox').getAttribute('aria-describedby')!)).toBe(alert);
  });

  it('is not announced when told not to be', () => {
    const { container } = render(<ErrorMessage message="Too long." announce={false} />);
    expect(screen.queryByRole('alert')).toBeNull();
    const p = container.querySelector('p.cc-error')!;
    expect(p.textContent).toBe('Too long.');
    expect(p.hasAttribute('role')).toBe(false);
  });
});
