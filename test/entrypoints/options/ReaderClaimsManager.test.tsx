// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { queryTrackedClaims } from '@/lib/claims/reader-query';
import { trackClaim } from '@/lib/claims/reader-store';
import { ReaderClaimsManager } from '@/entrypoints/options/ReaderClaimsManager';
import { claimDraft } from '../../lib/claims/reader-fixtures';
import { useReaderDb } from '../../lib/claims/reader-test-db';

const t = useReaderDb();
// The page's one connection to the reader's store is the test's fresh database.
vi.mock('@/lib/claims/reader-db', async (original) => ({ ...(await original<object>()), readerClaimsDb: () => t.db }));
afterEach(cleanup);

describe('ReaderClaimsManager (the options page’s Your claims)', () => {
  it('says what to do when there is nothing yet', async () => {
    render(<ReaderClaimsManager />);
    expect(await screen.findByText(/You track no claims yet\. Select a sentence on any page/)).toBeTruthy();
    expect(await screen.findByText(/You have collected no fact-checks yet/)).toBeTruthy();
  });

  it('edits a tracked claim’s statement and type, deletes it, and undoes the delete from the keyboard', async () => {
    const claim = await trackClaim(t.db, claimDraft(), t.ctx);
    render(<ReaderClaimsManager />);
    const item = await screen.findByRole('article', { name: claim.statement });
    expect(item.textContent).toContain('tracked on The Ledger, 17 Nov 2026');
    await userEvent.click(within(item).getByRole('button', { name: 'Edit' }));
    const box = screen.getByRole('textbox', { name: 'Statement' });
    await userEvent.clear(box);
    await userEvent.type(box, 'The bridge was closed on Monday.');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Type' }), 'Official statement');
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(async () => expect((await queryTrackedClaims(t.db))[0]).toMatchObject({ statement: 'The bridge was closed on Monday.', type: 'official-statement' }));

    const edited = await screen.findByRole('article', { name: 'The bridge was closed on Monday.' });
    await userEvent.click(within(edited).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('Deleted “The bridge was closed on Monday.”.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('article')).toBeNull());
    expect(document.activeElement?.textContent).toBe('Undo');
    await userEvent.keyboard('{Enter}');
    expect(await screen.findByRole('article', { name: 'The bridge was closed on Monday.' })).toBeTruthy();
  });
});
