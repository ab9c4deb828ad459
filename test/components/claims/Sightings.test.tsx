// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClaimCard } from '@/components/claims/ClaimCard';
import { readerClaimDatabase } from '@/lib/claims/reader-database';
import { readerClaimsDb } from '@/lib/claims/reader-db';
import { readerIds } from '@/lib/claims/reader-ids';
import { addSighting, getTrackedClaim, listSightings, trackClaim } from '@/lib/claims/reader-store';
import type { TrackedClaim } from '@/lib/claims/reader-schema';
import { resolveClaimDatabase } from '@/lib/claims/resolve';
import { claimDraft, sightingDraft } from '../../lib/claims/reader-fixtures';
import { claimById } from './claims-fixture';

const ctx = { now: () => Date.parse('2026-12-03T12:00:00Z') };
const HOSTILE = 'Eastport’s bridge was shut on Tuesday <img src=x onerror="alert(1)">.';

afterEach(cleanup);
beforeEach(async () => {
  const db = readerClaimsDb();
  await Promise.all([db.claims.clear(), db.sightings.clear()]);
});

/** The tracked claim as the card gets it: resolved from the reader's store as a claim database. */
function cardOf(claim: TrackedClaim) {
  const resolved = resolveClaimDatabase(readerClaimDatabase({ claims: [claim], sightings: [], factChecks: [], packs: [] }));
  return resolved.claims.find((c) => c.id === readerIds.claim(claim.id))!;
}
const section = () => screen.findByRole('region', { name: /Where you have seen it \(\d+\)/ });

describe('the card’s sightings', () => {
  it('lists each page the claim was seen on: outlet linked, date, the page’s own words as text, and Crosscheck’s reading', async () => {
    const claim = await trackClaim(readerClaimsDb(), claimDraft(), ctx);
    await addSighting(readerClaimsDb(), sightingDraft(claim.id, { quote: { type: 'TextQuoteSelector', exact: HOSTILE, prefix: '', suffix: '' } }), ctx);
    render(<ClaimCard claim={cardOf(claim)} onClose={vi.fn()} />);
    const list = await section();
    expect(list.querySelector('h2')?.textContent).toBe('Where you have seen it (1)');
    const link = within(list).getByRole('link', { name: 'The Gazette' }) as HTMLAnchorElement;
    expect(link.href).toBe('https://gazette.example/bridge-shut');
    expect(link.rel).toBe('noopener noreferrer');
    expect(within(list).getByText(/18 Nov 2026/)).toBeTruthy();
    expect(within(list).getByText(HOSTILE).tagName).toBe('BLOCKQUOTE');
    expect(list.querySelector('img')).toBeNull();
    expect(within(list).getByText('Not judged yet')).toBeTruthy();
  });

  it('marks a sighting as conflicting from the keyboard, and saves what differs (a half-filled row is refused)', async () => {
    const claim = await trackClaim(readerClaimsDb(), claimDraft(), ctx);
    await addSighting(readerClaimsDb(), { ...sightingDraft(claim.id), stance: 'agrees' }, ctx);
    render(<ClaimCard claim={cardOf(claim)} onClose={vi.fn()} />);
    const list = await section();
    expect(within(list).getByText(/Crosscheck’s reading/)).toBeTruthy();
    within(list).getByRole('button', { name: 'Conflicts' }).focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(async () => expect((await listSightings(readerClaimsDb(), claim.id))[0]).toMatchObject({ stance: 'conflicts', by: 'reader' }));
    await waitFor(() => expect(within(list).getByRole('button', { name: 'Conflicts' }).getAttribute('aria-pressed')).toBe('true'));

    await userEvent.type(within(list).getByLabelText('What'), 'Day closed');
    await userEvent.type(within(list).getByLabelText('The claim has'), 'Monday');
    await userEvent.click(within(list).getByRole('button', { name: 'Save what differs' }));
    expect(within(list).getByRole('alert').textContent).toMatch(/^Difference 1: say what differs/);
    expect((await listSightings(readerClaimsDb(), claim.id))[0]!.differs).toEqual([]);

    await userEvent.type(within(list).getByLabelText('This page has'), 'Tuesday');
    await userEvent.click(within(list).getByRole('button', { name: 'Save what differs' }));
    await waitFor(async () =>
      expect((await listSightings(readerClaimsDb(), claim.id))[0]!.differs).toEqual([{ aspect: 'detail', what: 'Day closed', from: 'Monday', to: 'Tuesday' }]),
    );
    await within(list).findByText('Day closed: the claim has “Monday”, this page “Tuesday”');
  });

  it('removes a page that does not state the claim, with Undo', async () => {
    const claim = await trackClaim(readerClaimsDb(), claimDraft(), ctx);
    await addSighting(readerClaimsDb(), sightingDraft(claim.id), ctx);
    render(<ClaimCard claim={cardOf(claim)} onClose={vi.fn()} />);
    const list = await section();
    await userEvent.click(within(list).getByRole('button', { name: 'Not this claim' }));
    await within(list).findByText('Where you have seen it (0)');
    expect(await listSightings(readerClaimsDb(), claim.id)).toEqual([]);
    expect(within(list).getByRole('status').textContent).toBe('The Gazette removed. Undo');
    await userEvent.click(within(list).getByRole('button', { name: 'Undo' }));
    await within(list).findByText('Where you have seen it (1)');
    expect(within(list).getByRole('link', { name: 'The Gazette' })).toBeTruthy();
  });

  it('edits the claim from its card', async () => {
    const claim = await trackClaim(readerClaimsDb(), claimDraft(), ctx);
    render(<ClaimCard claim={cardOf(claim)} onClose={vi.fn()} />);
    const list = await section();
    await userEvent.click(within(list).getByRole('button', { name: 'Edit or delete this claim' }));
    const statement = (await within(list).findByLabelText('Statement')) as HTMLTextAreaElement;
    await userEvent.clear(statement);
    await userEvent.type(statement, 'The bridge closed on Monday.');
    await userEvent.click(within(list).getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect((await getTrackedClaim(readerClaimsDb(), claim.id)).statement).toBe('The bridge closed on Monday.'));
    await userEvent.click(within(list).getByRole('button', { name: 'Close the editor' }));
    expect(within(list).queryByLabelText('Statement')).toBeNull();
  });

  it('shows nothing for a claim the reader does not track', () => {
    render(<ClaimCard claim={claimById('nuclear-capable-bombers-in-december')} onClose={vi.fn()} />);
    expect(screen.queryByText(/Where you have seen it/)).toBeNull();
  });
});
