import { SyncStatus } from '@/components/sync/SyncStatus';
import { useSyncStatus } from '@/components/sync/useSyncStatus';
import '@/components/sync/sync.css';
import { WebDavSettings } from './WebDavSettings';

/**
 * Sync in the options page: browser sync's status line (last synced, waiting, full or refused) and
 * the switch that turns it off and on for this device, then WebDAV sync (set up, status, switch).
 * Switches are stored; the background applies them.
 */
export function SyncSettings() {
  const { status, enabled, now, setEnabled } = useSyncStatus();
  const toggle = (on: boolean) => void setEnabled(on);
  // Before the background has published a status, show the switch as stored.
  const shown = status ?? (enabled === null ? null : { enabled, lastSyncedAt: null, pending: 0, overQuota: 0, error: null });
  return (
    <div>
      <h3 id="cc-sync-title">Sync across your browser profile</h3>
      <p class="cc-muted">
        Your notes are copied into the browser’s own sync storage, which follows your profile to your other
        computers. They always stay on this device too.
      </p>
      {shown ? <SyncStatus status={shown} now={now} onToggle={toggle} /> : <p class="cc-muted">Checking sync…</p>}
      <WebDavSettings now={now} />
    </div>
  );
}
