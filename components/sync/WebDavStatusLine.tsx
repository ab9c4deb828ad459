import type { WebDavStatus } from '../../lib/webdav/schema';
import { ago, plural } from './time';
import { ErrorMessage } from '../common/ErrorMessage';

export type WebDavStatusLineProps = {
  status: WebDavStatus;
  now: number;
  /** One short line for the popup. */
  compact?: boolean;
};

/** "WebDAV (cloud.example, encrypted): last synced 2 minutes ago. 3 notes waiting." and any problem. */
export function WebDavStatusLine({ status, now, compact = false }: WebDavStatusLineProps) {
  if (!status.configured) return compact ? null : <p class="cc-muted" data-testid="webdav-status">WebDAV sync is not set up on this device.</p>;
  const where = `WebDAV (${status.server ? new URL(status.server).host : 'your server'}${status.encrypted ? ', encrypted' : ', not encrypted'})`;
  if (!status.enabled) return <p data-testid="webdav-status">{where}: off on this device.</p>;
  const when = status.syncing ? 'syncing now.' : status.lastSyncedAt === null ? 'not synced yet.' : `last synced ${ago(status.lastSyncedAt, now)}.`;
  const waiting = status.pending > 0 ? ` ${plural(status.pending, 'note')} waiting to sync.` : '';
  return (
    <div data-testid="webdav-status">
      <p>
        {where}: {when}
        {waiting}
      </p>
      {status.error && <ErrorMessage message={compact ? status.error.split('. ')[0] + '.' : status.error} testId="webdav-error" />}
    </div>
  );
}
