// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReaderClaimEditor } from '@/components/claims/ReaderClaimEditor';
import { TrackedClaimItem } from '@/components/claims/ReaderItems';
import { ReaderList } from '@/components/claims/ReaderList';
import { usePagedQuery } from '@/components/claims/usePagedQuery';
import { claimRow, type ReaderClaimsDb } from '@/lib/claims/reader-db';
import { queryTrackedClaims } from '@/lib/claims/reader-query';
import { TrackedClaimSchema } from '@/lib/claims/reader-schema';
import { deleteTrackedClaim, trackClaim, undoDeleteTrackedClaim } from '@/lib/claims/reader-store';
import { claimDraft } from '../../lib/claims/reader-fixtures';
import { useReaderDb } from '../../lib/claims/reader-test-db';

afterEach(cleanup);
const t = useReaderDb();

/** Stores `count` tracked claims, "Claim 1" the oldest. */
async function fill(count: number) {
  const base = await trackClaim(t.db, claimDraft(), t.ctx);
  await t.db.claims.delete(base.id);
  const claims = Array.from({ length: count }, (_, i) => TrackedClaimSchema.parse({ ...base, id: crypto.randomUUID(), statement: `Claim ${i + 1} about the bridge`, modified: 10 + i }));
  await t.db.claims.bulkAdd(claims.map(claimRow));
  return claims;
}

function Harness({ db, text = '' }: { db: ReaderClaimsDb; text?: string }) {
  const [search, setSearch] = useState(text);
  const paged = usePagedQuery((q) => queryTrackedClaims(db, q), search, 20);
  return (
    <>
      <input aria-label="Search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
      <ReaderList
        title="Tracked claims"
        paged={paged}
        emptyText={search ? 'No match.' : 'You track no claims yet.'}
        item={(c) => <TrackedClaimItem claim={c} onEdit={() => {}} onDelete={() => void deleteTrackedClaim(db, c.id, t.ctx)} />}
      />
    </>
  );
}

const statements = () => within(screen.getByRole('list', { name: 'Tracked claims' })).getAllByRole('article').map((a) => a.querySelector('p')!.textContent);

describe('ReaderList with usePagedQuery', () => {
  it('says so when the reader tracks nothing', async () => {
    render(<Harness db={t.db} />);
    expect(await screen.findByText('You track no claims yet.')).toBeTruthy();
  });

  it('lists newest first a page at a time, with Older and Newer', async () => {
    await fill(45);
    render(<Harness db={t.db} />);
    await waitFor(() => expect(statements()[0]).toBe('Claim 45 about the bridge'));
    expect(statements()).toHaveLength(20);
    expect(screen.getByText('Page 1')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Newer' }) as HTMLButtonElement).disabled).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Older' }));
    await waitFor(() => expect(statements()[0]).toBe('Claim 25 about the bridge'));
    await userEvent.click(screen.getByRole('button', { name: 'Older' }));
    await waitFor(() => expect(statements()).toEqual(['Claim 5 about the bridge', 'Claim 4 about the bridge', 'Claim 3 about the bridge', 'Claim 2 about the bridge', 'Claim 1 about the bridge']));
    expect((screen.getByRole('button', { name: 'Older' }) as HTMLButtonElement).disabled).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Newer' }));
    await waitFor(() => expect(statements()[0]).toBe('Claim 25 about the bridge'));
  });

  it('searches from page 1, says when nothing matches, and follows deletes and undos live', async () => {
    const claims = await fill(30);
    render(<Harness db={t.db} />);
    await waitFor(() => expect(statements()).toHaveLength(20));
    await userEvent.click(screen.getByRole('button', { name: 'Older' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Search' }), 'claim 7');
    await waitFor(() => expect(statements()).toEqual(['Claim 7 about the bridge']));
    expect(screen.queryByText('Page 1')).toBeNull(); // one page: no pager
    await userEvent.click(within(screen.getByRole('article')).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('No match.')).toBeTruthy();
    await undoDeleteTrackedClaim(t.db, claims[6]!.id, t.ctx);
    await waitFor(() => expect(statements()).toEqual(['Claim 7 about the bridge']));
  });

  it('shows page text as text', async () => {
    await trackClaim(t.db, claimDraft({ statement: '<img src=x onerror=alert(1)> was said' }), t.ctx);
    render(<Harness db={t.db} />);
    await waitFor(() => expect(statements()).toEqual(['<img src=x onerror=alert(1)> was said']));
    expect(document.querySelector('img')).toBeNull();
  });
});

describe('ReaderClaimEditor', () => {
  it('saves the statement and type with Ctrl+Enter, refuses an empty statement, and cancels with Escape', async () => {
    const onSave = vi.fn();
    const onCancel = vi.fn();
    render(<ReaderClaimEditor statement="Old words" type="reported-fact" onSave={onSave} onCancel={onCancel} />);
    const box = screen.getByRole('textbox', { name: 'Statement' });
    expect(document.activeElement).toBe(box);
    await userEvent.clear(box);
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    expect(screen.getByRole('alert').textContent).toBe('A claim needs a statement.');
    expect(onSave).not.toHaveBeenCalled();
    await userEvent.type(box, '  New words ');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Type' }), 'Allegation');
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    expect(onSave).toHaveBeenCalledWith({ statement: 'New words', type: 'allegation' });
    await userEvent.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalledOnce();
  });
});
