// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SyncStatus } from '@/components/sync/SyncStatus';
import type { SyncStatus as Status } from '@/lib/sync/schema';

const base: Status = { enabled: true, lastSyncedAt: null, pending: 0, overQuota: 0, error: null };
const now = 1_700_000_000_000;

afterEach(cleanup);

describe('SyncStatus', () => {
  it('says when notes last synced', () => {
    render(<SyncStatus status={{ ...base, lastSyncedAt: now - 5 * 60_000 }} now={now} />);
    expect(screen.getByText('Last synced 5 minutes ago.')).toBeTruthy();
  });

  it('says when nothing has synced yet, and how many notes wait', () => {
    render(<SyncStatus status={{ ...base, pending: 3 }} now={now} />);
    expect(screen.getByText('Not synced yet.')).toBeTruthy();
    expect(screen.getByText('3 notes waiting to sync.')).toBeTruthy();
  });

  it('counts tracked claims beside the notes, and alone', () => {
    render(<SyncStatus status={{ ...base, pending: 2, claimsPending: 1, overQuota: 12, claimsOverQuota: 2 }} now={now} />);
    expect(screen.getByText('2 notes and 1 tracked claim waiting to sync.')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Browser sync storage is full: 12 notes and 2 tracked claims are kept on this device only.');
    cleanup();
    render(<SyncStatus status={{ ...base, claimsPending: 0, claimsOverQuota: 1 }} now={now} />);
    expect(screen.getByRole('status').textContent).toBe('Browser sync storage is full: 1 tracked claim is kept on this device only.');
  });

  it('warns when sync is full and shows a refused write as an alert, as text', () => {
    const error = 'Browser sync storage is full, so 1 note could not be synced. <b>x</b>';
    render(<SyncStatus status={{ ...base, overQuota: 1, error }} now={now} />);
    expect(screen.getByRole('status').textContent).toBe('Browser sync storage is full: 1 note is kept on this device only.');
    expect(screen.getByRole('alert').textContent).toBe(error);
    expect(screen.getByRole('alert').querySelector('b')).toBeNull();
  });

  it('offers the switch both ways', () => {
    const onToggle = vi.fn();
    const { rerender } = render(<SyncStatus status={base} now={now} onToggle={onToggle} />);
    fireEvent.click(screen.getByRole('button', { name: 'Turn sync off' }));
    expect(onToggle).toHaveBeenLastCalledWith(false);
    rerender(<SyncStatus status={{ ...base, enabled: false, pending: 2 }} now={now} onToggle={onToggle} />);
    expect(screen.getByText('Sync is off: notes and tracked claims stay on this device.')).toBeTruthy();
    expect(screen.queryByText(/waiting/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Turn sync on' }));
    expect(onToggle).toHaveBeenLastCalledWith(true);
  });

  it('says how many notes are kept here when sync is full, in plain words', () => {
    render(<SyncStatus status={{ ...base, overQuota: 12 }} now={now} />);
    expect(screen.getByRole('status').textContent).toBe('Browser sync storage is full: 12 notes are kept on this device only.');
  });

  it('fits in one line in the popup, with the warnings and without the switch', () => {
    const status = { ...base, lastSyncedAt: now - 2 * 3_600_000, pending: 1, overQuota: 2 };
    render(<SyncStatus status={status} now={now} compact onToggle={vi.fn()} />);
    expect(screen.getByText('Last synced 2 hours ago. 1 note waiting to sync.')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Browser sync storage is full: 2 notes are kept on this device only.');
    expect(screen.queryByRole('button')).toBeNull();
  });
});
