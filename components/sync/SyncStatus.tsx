import type { SyncStatus as SyncStatusModel } from '../../lib/sync/schema';

export type SyncStatusProps = {
  status: SyncStatusModel;
  /** The current time, for "synced 3 minutes ago" (injected so tests are stable). */
  now?: number;
  /** The sync switch; the container stores the setting and tells the engine. */
  onToggle?: (enabled: boolean) => void;
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "just now", "5 minutes ago", "2 days ago". */
function ago(then: number, now: number): string {
  const s = Math.round((now - then) / 1000);
  if (s < 45) return 'just now';
  const rtf = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  if (s < 3_600) return rtf.format(-Math.round(s / 60), 'minute');
  if (s < 86_400) return rtf.format(-Math.round(s / 3_600), 'hour');
  return rtf.format(-Math.round(s / 86_400), 'day');
}

/** The sync status line for the popup and side panel: when notes last synced, what waits, what failed. */
export function SyncStatus({ status, now = Date.now(), onToggle }: SyncStatusProps) {
  const toggle = onToggle && (
    <button type="button" onClick={() => onToggle(!status.enabled)}>
      {status.enabled ? 'Turn sync off' : 'Turn sync on'}
    </button>
  );
  if (!status.enabled) {
    return (
      <section class="sync-status" aria-label="Sync">
        <p>Sync is off: notes stay on this device.</p>
        {toggle}
      </section>
    );
  }
  return (
    <section class="sync-status" aria-label="Sync">
      <p>{status.lastSyncedAt === null ? 'Not synced yet.' : `Last synced ${ago(status.lastSyncedAt, now)}.`}</p>
      {status.pending > 0 && <p>{plural(status.pending, 'note')} waiting to sync.</p>}
      {status.overQuota > 0 && (
        <p role="status" class="sync-warning">
          Browser sync is full: {plural(status.overQuota, 'older note')} {status.overQuota === 1 ? 'is' : 'are'} kept on
          this device only.
        </p>
      )}
      {status.error && (
        <p role="alert" class="sync-error">
          {status.error}
        </p>
      )}
      {toggle}
    </section>
  );
}
