// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SyncStatus } from '@/components/sync/SyncStatus';
import { useSyncStatus } from '@/components/sync/useSyncStatus';
import { getSyncEnabled, publishSyncStatus } from '@/lib/sync/sync-settings';

/** A page that shows sync as the options page does. */
function Page() {
  const { status, now, setEnabled } = useSyncStatus();
  return status ? <SyncStatus status={status} now={now} onToggle={(on) => void setEnabled(on)} /> : <p>no status</p>;
}

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

describe('useSyncStatus', () => {
  it('shows what the background publishes, as it changes', async () => {
    render(<Page />);
    expect(screen.getByText('no status')).toBeTruthy();
    await act(() => publishSyncStatus({ enabled: true, lastSyncedAt: null, pending: 0, overQuota: 3, error: null }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Browser sync storage is full: 3 notes are kept on this device only.'));
    await act(() => publishSyncStatus({ enabled: true, lastSyncedAt: Date.now(), pending: 0, overQuota: 0, error: null }));
    await waitFor(() => expect(screen.getByText('Last synced just now.')).toBeTruthy());
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('ignores a status that does not parse instead of showing nonsense', async () => {
    await fakeBrowser.storage.session.set({ syncStatus: { enabled: 'yes' } });
    render(<Page />);
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.getByText('no status')).toBeTruthy();
  });

  it('stores the switch for the background to apply', async () => {
    await publishSyncStatus({ enabled: true, lastSyncedAt: null, pending: 0, overQuota: 0, error: null });
    render(<Page />);
    fireEvent.click(await screen.findByRole('button', { name: 'Turn sync off' }));
    await waitFor(async () => expect(await getSyncEnabled()).toBe(false));
  });
});
