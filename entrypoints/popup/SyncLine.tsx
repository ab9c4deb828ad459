import { SyncStatus } from '@/components/sync/SyncStatus';
import { useSyncStatus } from '@/components/sync/useSyncStatus';
import '@/components/sync/sync.css';

/**
 * The popup's one-line sync status: when notes last synced, how many wait, and a full sync
 * storage or refused write in plain words. Nothing until the background has published a status.
 */
export function SyncLine() {
  const { status, now } = useSyncStatus();
  if (!status) return null;
  return (
    <footer class="cc-sync-line">
      <SyncStatus status={status} now={now} compact />
    </footer>
  );
}
