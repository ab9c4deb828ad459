import type { SyncStatus as SyncStatusModel } from '../../lib/sync/schema';
import { ago, plural } from './time';
import { ErrorMessage } from '../common/ErrorMessage';

export type SyncStatusProps = {
  status: SyncStatusModel;
  /** The current time, for "synced 3 minutes ago" (injected so tests are stable). */
  now?: number;
  /** The sync switch; the container stores the setting and the background applies it. */
  onToggle?: (enabled: boolean) => void;
  /** One short line for the popup: when, how many wait, and any warning; no switch. */
  compact?: boolean;
};


/** "12 notes", "2 tracked claims", "12 notes and 1 tracked claim": what is counted, the empty counts left out. */
function counted(notes: number, claims: number): string {
  const parts = [notes > 0 || claims === 0 ? plural(notes, 'note') : '', claims > 0 ? plural(claims, 'tracked claim') : ''];
  return parts.filter(Boolean).join(' and ');
}

/** "Browser sync storage is full: 12 notes (and 2 tracked claims) are kept on this device only." */
export function overQuotaText(count: number, claims = 0): string {
  return `Browser sync storage is full: ${counted(count, claims)} ${count + claims === 1 ? 'is' : 'are'} kept on this device only.`;
}

/**
 * The sync status line for the options page (with the switch) and the popup (`compact`): when
 * notes last synced, how many wait, and, in plain words, a full sync storage or a refused write.
 */
export function SyncStatus({ status, now = Date.now(), onToggle, compact = false }: SyncStatusProps) {
  const toggle = onToggle && (
    <button type="button" onClick={() => onToggle(!status.enabled)}>
      {status.enabled ? 'Turn sync off' : 'Turn sync on'}
    </button>
  );
  if (!status.enabled) {
    return (
      <section class="sync-status" aria-label="Sync" data-testid="sync-status">
        <p>{compact ? 'Sync is off.' : 'Sync is off: notes and tracked claims stay on this device.'}</p>
        {toggle}
      </section>
    );
  }
  const when = status.lastSyncedAt === null ? 'Not synced yet.' : `Last synced ${ago(status.lastSyncedAt, now)}.`;
  const claimsWaiting = status.claimsPending ?? 0;
  const claimsOver = status.claimsOverQuota ?? 0;
  const waiting = status.pending + claimsWaiting > 0 ? `${counted(status.pending, claimsWaiting)} waiting to sync.` : '';
  return (
    <section class="sync-status" aria-label="Sync" data-testid="sync-status">
      {compact ? <p>{[when, waiting].filter(Boolean).join(' ')}</p> : <p>{when}</p>}
      {!compact && waiting && <p>{waiting}</p>}
      {status.overQuota + claimsOver > 0 && (
        <p role="status" class="sync-warning">
          {overQuotaText(status.overQuota, claimsOver)}
        </p>
      )}
      {status.error && <ErrorMessage message={status.error} />}
      {!compact && toggle}
    </section>
  );
}
