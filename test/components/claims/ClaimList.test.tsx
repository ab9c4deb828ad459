// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClaimList, type ClaimListItem } from '@/components/claims/ClaimList';
import { claimById, matchFor } from './claims-fixture';

afterEach(cleanup);

const bombers = claimById('nuclear-capable-bombers-in-december');
const deaths = claimById('aid-blocked-two-deaths');
const fact = deaths.facts.find((f) => f.key === 'death-toll')!;
const longSentence = `${'Venezuelan troops blocked aid at the borders with teargas and force, '.repeat(4)}causing four deaths.`;

/** Given out of page order on purpose: the bomber sentence comes later on the page. */
const items: ClaimListItem[] = [
  { claim: bombers, match: matchFor(bombers, { stance: 'corroborates', start: 900, end: 980, text: 'In December, Russia sent two bombers capable of carrying nuclear weapons.' }) },
  { claim: deaths, match: matchFor(deaths, { stance: 'conflicts', start: 100, end: 100 + longSentence.length, text: longSentence, differs: [{ what: 'death-toll', expected: fact.text, found: 'four deaths' }] }) },
];

const rows = () => screen.getAllByRole('listitem').filter((li) => li.classList.contains('cc-claim-row'));
const toggles = () => rows().map((r) => r.querySelector('button.cc-claim-row__toggle') as HTMLButtonElement);

describe('ClaimList', () => {
  it('lists the claims in page order, each with its stance in words and the page’s sentence, truncated', () => {
    render(<ClaimList items={items} onShow={vi.fn()} />);
    expect(screen.getByRole('list', { name: 'Claims on this page (2)' })).toBeTruthy();
    const [first, second] = toggles();
    expect(first!.textContent).toMatch(/^≠ Conflicts with sources/);
    expect(second!.textContent).toMatch(/^✓ Agrees with sources/);
    const shown = first!.querySelector('.cc-claim-row__sentence')!.textContent!;
    expect(shown.length).toBeLessThan(longSentence.length);
    expect(shown).toMatch(/^This page: “Venezuelan troops blocked aid.*…”$/);
    expect(first!.querySelector('.cc-claim-row__claim')!.textContent).toBe(deaths.statement);
    expect(second!.textContent).toContain(items[0]!.match.text);
  });

  it('expands a row to the claim’s sources and what the page says differently', async () => {
    render(<ClaimList items={items} onShow={vi.fn()} />);
    const toggle = toggles()[0]!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByText(deaths.assertions[0]!.quote)).toBeNull();
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const details = document.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(within(details).getByText(deaths.assertions[0]!.quote).tagName).toBe('BLOCKQUOTE');
    expect(within(details).getByText(longSentence)).toBeTruthy(); // the full sentence, since the row cut it
    expect(within(details).getByText(/this page says “four deaths” where the sources below say “two deaths”/)).toBeTruthy();
    const conflicts = within(details).getByRole('region', { name: /Sources that conflict/ });
    expect(within(conflicts).getByRole('heading', { level: 4, name: claimById('soldiers-blocked-aid-killed-four').statement })).toBeTruthy();
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByText(deaths.assertions[0]!.quote)).toBeNull();
  });

  it('expands and collapses from the keyboard (Enter and Space)', async () => {
    const user = userEvent.setup();
    render(<ClaimList items={items} onShow={vi.fn()} />);
    await user.tab();
    const toggle = toggles()[0]!;
    expect(document.activeElement).toBe(toggle);
    await user.keyboard('{Enter}');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await user.keyboard(' ');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
  });

  it('calls onShow with the index of the item as given, whatever the page order', async () => {
    const user = userEvent.setup();
    const onShow = vi.fn();
    render(<ClaimList items={items} onShow={onShow} />);
    const shows = screen.getAllByRole('button', { name: /^Show on page/ });
    expect(shows).toHaveLength(2);
    fireEvent.click(shows[0]!); // first on the page: the deaths sentence, items[1]
    expect(onShow).toHaveBeenLastCalledWith(1);
    shows[1]!.focus();
    await user.keyboard('{Enter}');
    expect(onShow).toHaveBeenLastCalledWith(0);
    expect(onShow).toHaveBeenCalledTimes(2);
    expect(shows[1]!.textContent).toContain('In December, Russia sent'); // a name that tells the rows apart
  });

  it('has an empty state and a loading state', () => {
    render(<ClaimList items={[]} onShow={vi.fn()} />);
    expect(screen.getByRole('status').textContent).toBe("No claims from Crosscheck's database on this page.");
    cleanup();
    render(<ClaimList items={items} loading onShow={vi.fn()} />);
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('Looking for claims on this page…');
    expect(status.getAttribute('aria-busy')).toBe('true');
    expect(screen.queryByRole('list')).toBeNull();
  });
});
