import { useEffect, useState } from 'preact/hooks';
import type { SyncStatus } from '../../lib/sync/schema';
import { getSyncEnabled, readSyncStatus, setSyncEnabled, watchSyncEnabled, watchSyncStatus } from '../../lib/sync/sync-settings';

/** How often "synced 3 minutes ago" is brought up to date. */
const TICK_MS = 30_000;

/** What an extension page knows of sync: the published status (null until the background has one). */
export type SyncView = {
  status: SyncStatus | null;
  /** The reader's switch as stored (known before the background has published a status). */
  enabled: boolean | null;
  now: number;
  setEnabled: (enabled: boolean) => Promise<void>;
};

/**
 * The sync status line's data for an extension page, kept live: the background publishes every
 * status change in `storage.session`, and the switch lives in `storage.local`.
 */
export function useSyncStatus(): SyncView {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [enabled, setEnabledState] = useState<boolean | null>(null);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    // A change seen by a watcher is newer than the first read, which may answer after it.
    const watched = { status: false, enabled: false };
    const offs = [
      watchSyncStatus((s) => {
        watched.status = true;
        setStatus(s);
      }),
      watchSyncEnabled((e) => {
        watched.enabled = true;
        setEnabledState(e);
      }),
    ];
    void readSyncStatus().then((s) => !watched.status && setStatus(s), () => undefined);
    void getSyncEnabled().then((e) => !watched.enabled && setEnabledState(e), () => undefined);
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => {
      offs.forEach((off) => off());
      clearInterval(timer);
    };
  }, []);
  return { status, enabled, now, setEnabled: setSyncEnabled };
}
