// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SiteToggle } from '@/components/claims/SiteToggle';

afterEach(cleanup);

/** Holds the state as the popup would, so the switch's own rendering of the change is tested. */
function Harness({ onChange, start }: { onChange: (on: boolean) => void; start: boolean }) {
  const [on, setOn] = useState(start);
  return (
    <SiteToggle
      hostname="news.example.org"
      enabled={on}
      onChange={(next) => {
        onChange(next);
        setOn(next);
      }}
    />
  );
}

describe('SiteToggle', () => {
  it('is a switch labelled with the site, whose aria-checked flips and calls back', () => {
    const onChange = vi.fn();
    render(<Harness start onChange={onChange} />);
    const sw = screen.getByRole('switch', { name: 'Crosscheck on news.example.org' });
    expect(sw.getAttribute('aria-checked')).toBe('true');
    expect(screen.queryByText(/Crosscheck is off/)).toBeNull();
    fireEvent.click(sw);
    expect(onChange).toHaveBeenLastCalledWith(false);
    expect(sw.getAttribute('aria-checked')).toBe('false');
    fireEvent.click(sw);
    expect(onChange).toHaveBeenLastCalledWith(true);
    expect(sw.getAttribute('aria-checked')).toBe('true');
  });

  it('explains what off means, and ties the explanation to the switch', () => {
    render(<SiteToggle hostname="news.example.org" enabled={false} onChange={vi.fn()} />);
    const sw = screen.getByRole('switch');
    const note = document.getElementById(sw.getAttribute('aria-describedby')!)!;
    expect(note.textContent).toMatch(/^Crosscheck is off on news\.example\.org: it does not read/);
    expect(document.querySelector('.cc-site-toggle__state')?.textContent).toBe('Off');
  });

  it('flips from the keyboard with Enter and Space', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Harness start={false} onChange={onChange} />);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('switch'));
    await user.keyboard('{Enter}');
    expect(onChange).toHaveBeenLastCalledWith(true);
    await user.keyboard(' ');
    expect(onChange).toHaveBeenLastCalledWith(false);
    expect(screen.getByRole('switch').getAttribute('aria-checked')).toBe('false');
  });

  it('does nothing while disabled', () => {
    const onChange = vi.fn();
    render(<SiteToggle hostname="news.example.org" enabled onChange={onChange} disabled />);
    fireEvent.click(screen.getByRole('switch'));
    expect(onChange).not.toHaveBeenCalled();
  });
});
