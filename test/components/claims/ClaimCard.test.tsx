// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClaimCard } from '@/components/claims/ClaimCard';
import type { ResolvedClaim } from '@/lib/claims/resolve';
import { claimById, matchFor, resolved } from './claims-fixture';

afterEach(cleanup);

const section = (name: RegExp) => screen.getByRole('region', { name });

describe('ClaimCard', () => {
  it('shows the bomber claim with its type, and the January report against it: December ↔ January', () => {
    const claim = claimById('nuclear-capable-bombers-in-december');
    render(<ClaimCard claim={claim} onClose={vi.fn()} />);
    expect(screen.getByRole('dialog', { name: claim.statement })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(claim.statement);
    expect(document.querySelector('header .cc-type')?.textContent).toBe('Reported fact');

    const conflicts = section(/Sources that conflict/);
    const other = within(conflicts).getByRole('article', { name: claimById('tu160-bombers-in-january').statement });
    const row = within(other).getByRole('list', { name: 'What differs' }).querySelector('li')!;
    expect(row.querySelector('.cc-differ__what')?.textContent).toBe('When the two bombers flew to Venezuela:');
    expect(row.querySelector('.cc-differ__side--from')?.textContent).toBe('This claim: In December');
    expect(row.querySelector('.cc-differ__side--to')?.textContent).toBe('Conflicting claim: In January');
    // The conflicting claim's own sources are listed under it, word for word.
    for (const a of claimById('tu160-bombers-in-january').assertions) {
      expect(within(other).getByText(a.quote).tagName).toBe('BLOCKQUOTE');
    }
  });

  it('shows the sides the other way round from the January claim', () => {
    render(<ClaimCard claim={claimById('tu160-bombers-in-january')} onClose={vi.fn()} />);
    const row = section(/Sources that conflict/).querySelector('.cc-differ')!;
    expect(row.querySelector('.cc-differ__side--from')?.textContent).toBe('This claim: In January');
    expect(row.querySelector('.cc-differ__side--to')?.textContent).toBe('Conflicting claim: In December');
  });

  it('lists the claim’s own sources and those of corroborating claims, with the related wording and note', () => {
    const claim = claimById('nuclear-capable-bombers-in-december');
    render(<ClaimCard claim={claim} onClose={vi.fn()} />);
    const agree = section(/Sources that corroborate/);
    const quotes = [...agree.querySelectorAll('blockquote')].map((q) => q.textContent);
    const expected = [...claim.assertions, ...claim.corroborations.flatMap((r) => r.assertions)].map((a) => a.quote);
    expect(expected.length).toBeGreaterThan(1);
    expect(quotes).toEqual(expected);
    expect(agree.querySelector('.cc-count')?.textContent).toBe(`(${expected.length})`);
    const related = claim.corroborations[0]!;
    expect(within(agree).getByText(related.claim.statement)).toBeTruthy();
    expect(within(agree).getByText(related.note!)).toBeTruthy();
  });

  it('shows outlet, kind, date, attribution chain and the article’s wording for each source', () => {
    const claim = claimById('two-planes-left-chkalovsky-friday');
    render(<ClaimCard claim={claim} onClose={vi.fn()} />);
    const a = claim.assertions.find((x) => x.chain.length === 3)!;
    const item = screen.getByText(a.quote).closest('.cc-source') as HTMLElement;
    expect(item.querySelector('.cc-source__name')?.textContent).toBe(a.source.name);
    expect(within(item).getByText('Data service')).toBeTruthy();
    const chain = within(item).getByRole('list', { name: 'Attribution chain, outermost first' });
    expect([...chain.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Global Research (Centre for Research on Globalization)',
      '→ Reuters',
      '→ Flightradar24 (flight-tracking website)',
    ]);
    expect(item.textContent).toContain(a.attributionText);
    expect(item.textContent).toContain(a.article.title);
    // Reuters is dated in the database; it shows as a readable day with a machine-readable value.
    const reuters = claim.assertions.find((x) => x.source.id === 'reuters') ?? claimById('russia-sent-around-100-troops').assertions[0]!;
    cleanup();
    render(<ClaimCard claim={{ ...claim, assertions: [reuters], corroborations: [], conflicts: [] }} onClose={vi.fn()} />);
    const time = document.querySelector('time.cc-source__date')!;
    expect(time.getAttribute('datetime')).toBe(reuters.source.date);
    expect(time.textContent).toBe('24 Mar 2019');
  });

  it('says how a conflicting page states it: the page’s value against the database’s', () => {
    const claim = claimById('aid-blocked-two-deaths');
    const fact = claim.facts.find((f) => f.key === 'death-toll')!;
    const match = matchFor(claim, { stance: 'conflicts', differs: [{ what: fact.key, expected: fact.text, found: 'four' }] });
    render(<ClaimCard claim={claim} match={match} onClose={vi.fn()} />);
    expect(screen.getByText('Conflicts with sources')).toBeTruthy();
    expect(screen.getByText(`Deaths when aid was blocked at the border: this page says “four” where the sources below say “${fact.text}”.`)).toBeTruthy();
  });

  it('says when the page agrees, and reads a negation the right way round', () => {
    const claim = claimById('aid-blocked-two-deaths');
    render(<ClaimCard claim={claim} match={matchFor(claim, { stance: 'corroborates' })} onClose={vi.fn()} />);
    expect(screen.getByText('Agrees with sources')).toBeTruthy();
    expect(screen.getByText('This page states it as the sources below do.')).toBeTruthy();
    cleanup();
    const negated = matchFor(claim, { stance: 'conflicts', differs: [{ what: 'negation', expected: 'stated', found: 'denied' }] });
    render(<ClaimCard claim={claim} match={negated} onClose={vi.fn()} />);
    expect(screen.getByText('This page denies what the sources below state.')).toBeTruthy();
  });

  it('marks an opinion as such', () => {
    const claim = resolved.claims.find((c) => c.type === 'opinion')!;
    render(<ClaimCard claim={claim} onClose={vi.fn()} />);
    const type = document.querySelector('header .cc-type')!;
    expect(type.textContent).toBe('Opinion');
    expect(type.className).toContain('cc-type--opinion');
    expect(screen.getByText(/A view, not a checkable fact/)).toBeTruthy();
    expect(screen.getByRole('dialog').className).toContain('cc-claim-card--opinion');
  });

  it('says so when no other source reports the claim and none contradicts it', () => {
    const lone = resolved.claims.find((c) => c.assertions.length === 1 && c.corroborations.length === 0 && c.conflicts.length === 0)!;
    render(<ClaimCard claim={lone} onClose={vi.fn()} />);
    expect(within(section(/Sources that corroborate/)).getByText('No other source reports this.')).toBeTruthy();
    expect(within(section(/Sources that conflict/)).getByText('No source contradicts this.')).toBeTruthy();
    cleanup();
    const busy = claimById('nuclear-capable-bombers-in-december');
    render(<ClaimCard claim={busy} onClose={vi.fn()} />);
    expect(screen.queryByText('No other source reports this.')).toBeNull();
    expect(screen.queryByText('No source contradicts this.')).toBeNull();
  });

  it('renders quotes and statements as text, never as HTML', () => {
    const base = claimById('aid-blocked-two-deaths');
    const evil = '<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">';
    const crafted: ResolvedClaim = {
      ...base,
      statement: `<b>${base.statement}</b>`,
      assertions: [{ ...base.assertions[0]!, quote: evil, attributionText: '<i>said</i>' }],
    };
    const { container } = render(<ClaimCard claim={crafted} onClose={vi.fn()} />);
    expect(container.querySelector('script, img, b, i')).toBeNull();
    expect(screen.getByText(evil).tagName).toBe('BLOCKQUOTE');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(crafted.statement);
    expect((window as { pwned?: number }).pwned).toBeUndefined();
  });

  it('links a source that has a url, in a new tab without an opener', () => {
    const base = claimById('aid-blocked-two-deaths');
    const a = base.assertions[0]!;
    const withUrl = { ...a, source: { ...a.source, url: 'https://example.org/report' } };
    render(<ClaimCard claim={{ ...base, assertions: [withUrl] }} onClose={vi.fn()} />);
    const link = screen.getByRole('link', { name: `Open ${a.source.name} (opens in a new tab)` });
    expect(link.getAttribute('href')).toBe('https://example.org/report');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('closes from the labelled button, by keyboard, and with Escape', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    render(<ClaimCard claim={claimById('aid-blocked-two-deaths')} onClose={onClose} />);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Close claim card' }));
    await user.keyboard('{Enter}');
    expect(onClose).toHaveBeenCalledTimes(1);
    await user.keyboard(' ');
    expect(onClose).toHaveBeenCalledTimes(2);
    fireEvent.keyDown(screen.getByRole('region', { name: /Sources that conflict/ }), { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(3);
  });

  it('shows the reader’s notes only when given', () => {
    const claim = claimById('aid-blocked-two-deaths');
    render(<ClaimCard claim={claim} onClose={vi.fn()}><p>My note here</p></ClaimCard>);
    expect(within(section(/Your notes/)).getByText('My note here')).toBeTruthy();
    cleanup();
    render(<ClaimCard claim={claim} onClose={vi.fn()} />);
    expect(screen.queryByRole('region', { name: /Your notes/ })).toBeNull();
  });
});

describe('ClaimCard differences worded as questions', () => {
  it('does not add a colon after a question', () => {
    render(<ClaimCard claim={claimById('troops-far-short-of-peacekeeping-mission')} onClose={vi.fn()} />);
    const whats = [...document.querySelectorAll('.cc-differ__what')].map((e) => e.textContent);
    expect(whats).toContain('Is it a peacekeeping mission?');
    expect(whats.every((w) => !/[?!.]:$/.test(w ?? ''))).toBe(true);
  });
});

describe('ClaimCard source counts', () => {
  it('counts statements from one source as one source, and says no other source reports it', () => {
    // Every agreeing statement of this claim comes from the same outlet (checked here, not assumed).
    const claim = resolved.claims.find((c) => {
      const all = [...c.assertions, ...c.corroborations.flatMap((r) => r.assertions)];
      return all.length > 1 && new Set(all.map((a) => a.source.id)).size === 1;
    })!;
    const n = claim.assertions.length + claim.corroborations.reduce((k, r) => k + r.assertions.length, 0);
    render(<ClaimCard claim={claim} onClose={vi.fn()} />);
    const agree = screen.getByRole('region', { name: /Sources that corroborate/ });
    expect(agree.querySelector('.cc-count')?.textContent).toBe(`(${n} statements, 1 source)`);
    expect(within(agree).getByText('No other source reports this.')).toBeTruthy();
    expect(agree.querySelectorAll('blockquote')).toHaveLength(n);
  });
});
