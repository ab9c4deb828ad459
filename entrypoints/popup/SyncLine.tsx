import { SyncStatus } from '@/components/sync/SyncStatus';
import { useSyncStatus } from '@/components/sync/useSyncStatus';
import '@/components/sync/sync.css';
import { WebDavStatusLine } from '@/components/sync/WebDavStatusLine';
import { useWebDavStatus } from '@/components/sync/useWebDavStatus';

/**
 * The popup's sync status, a line per source this device uses (browser sync, and WebDAV when set
 * up): when notes last synced, how many wait, and a full storage or a failure in plain words.
 * Nothing until the background has published a status.
 */
export function SyncLine() {
  const { status, now } = useSyncStatus();
  const webdav = useWebDavStatus();
  if (!status && !webdav.configured) return null;
  return (
    <footer class="cc-sync-line">
      {status && webdav.configured && <p class="cc-muted">Browser sync:</p>}
      {status && <SyncStatus status={status} now={now} compact />}
      <WebDavStatusLine status={webdav} now={now} compact />
    </footer>
  );
}
