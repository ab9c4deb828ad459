// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PaintModeRadios, SitePaintMode } from '@/components/claims/PaintModeChoice';

afterEach(cleanup);

describe('PaintModeRadios', () => {
  it('offers the three modes as labelled radio buttons in one group, the current one checked', async () => {
    const onChange = vi.fn();
    render(<PaintModeRadios value="all" onChange={onChange} />);
    expect(screen.getByRole('group', { name: 'Highlight on pages' })).toBeTruthy();
    const radios = screen.getAllByRole('radio') as HTMLInputElement[];
    expect(radios.map((r) => r.labels?.[0]?.textContent?.trim())).toEqual(['Every claim', 'Conflicts only', 'Nothing on the page']);
    expect((screen.getByRole('radio', { name: 'Every claim' }) as HTMLInputElement).checked).toBe(true);
    await userEvent.click(screen.getByRole('radio', { name: 'Nothing on the page' }));
    expect(onChange).toHaveBeenLastCalledWith('none');
    expect(screen.getByText(/toolbar button still counts the claims/)).toBeTruthy();
  });

  it('is reached from the keyboard', async () => {
    render(<PaintModeRadios value="conflicts" onChange={() => undefined} />);
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'Conflicts only' }));
  });
});

describe('SitePaintMode', () => {
  it('is a select labelled with the site: its own mode, or the default it names', async () => {
    const onChange = vi.fn();
    render(<SitePaintMode hostname="news.example.org" value={null} fallback="conflicts" onChange={onChange} />);
    const select = screen.getByRole('combobox', { name: 'Highlight on news.example.org' }) as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual([
      'As set for every site (conflicts only)',
      'Every claim',
      'Conflicts only',
      'Nothing on the page',
    ]);
    expect(select.value).toBe('');
    await userEvent.selectOptions(select, 'Nothing on the page');
    expect(onChange).toHaveBeenLastCalledWith('none');
    await userEvent.selectOptions(select, 'As set for every site (conflicts only)');
    expect(onChange).toHaveBeenLastCalledWith(null);
  });

  it('in "nothing", says where the claims still are, tied to the select', () => {
    render(<SitePaintMode hostname="news.example.org" value="none" fallback="all" onChange={() => undefined} />);
    const select = screen.getByRole('combobox', { name: 'Highlight on news.example.org' });
    const hint = document.getElementById(select.getAttribute('aria-describedby')!);
    expect(hint?.textContent).toMatch(/popup lists them/);
  });
});
