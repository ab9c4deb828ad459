import { browser } from 'wxt/browser';
import type { ReaderClaimsDb } from '../claims/reader-db';
import type { NotesDb } from '../notes/db';
import type { NotesNotice } from '../notes/notes-broadcast';
import type { LocalArea } from './adapters';
import type { SyncArea } from './area';
import { areaLimiter, type AreaSync } from './area-sync';
import type { ClaimEntry } from './claim-entry';
import { startClaimSync } from './claim-sync';
import type { SyncEngine } from './engine';
import type { SyncStatus } from './schema';
import { startNoteSync } from './start';
import { getSyncEnabled, publishSyncStatus, watchSyncEnabled } from './sync-settings';
import { errorMessage } from '../error-message';
import { areaMetaStore } from './adapters';
import { Histories } from './histories';
import { Serial } from './serial';

/**
 * The sync part of the background, in one call: starts the engine over the notes database (shared
 * with the note routes) and, beside it in the same area, the one over the reader's tracked claims
 * (when given their store), applies the reader's switch to both, publishes one status line for
 * the popup and options page, and hears and tells the notes' change notice: local writes name the
 * notes to push, and notes arriving from another device repaint their open tabs. It returns
 * what WebDAV sync, started beside it (`lib/webdav/background.ts`), must share with it.
 *
 * An MV3 service worker stops when idle and its timers die with it, so two listeners are added
 * synchronously (the only way they wake the worker): a change in `storage.sync` (another device's
 * note; the engine's start-up merge then reads it), and a retry alarm, armed while notes wait or a
 * write was refused, that makes the worker try again a minute later.
 */

/** The retry alarm's name. */
export const SYNC_RETRY_ALARM = 'crosscheck-sync-retry';

/** The part of `browser.alarms` the retry uses. */
export type AlarmsApi = {
  create(name: string, info: { delayInMinutes: number }): unknown;
  clear(name: string): unknown;
  onAlarm: { addListener(cb: (alarm: { name: string }) => void): void; removeListener(cb: (alarm: { name: string }) => void): void };
};

/** What the sync background uses; the defaults are the browser's. Tests pass fakes. */
export type SyncBackgroundDeps = {
  sync: SyncArea;
  local: LocalArea;
  alarms: AlarmsApi;
  /** `browser.storage.onChanged`: listened to only so that a sync change wakes the worker. */
  storageEvents: { addListener(cb: (changes: object, area: string) => void): void; removeListener(cb: (changes: object, area: string) => void): void };
  /** The notes' change notice (see `startNoteSync`). */
  notice: NotesNotice;
  /** The reader's claim store: its tracked claims sync too (see `startClaimSync`). */
  claims?: () => ReaderClaimsDb;
  debounceMs?: number;
};

/** Whether an engine has something to try again: notes or claims waiting, or a write refused. */
const needsRetry = (s: SyncStatus) => s.enabled && (s.pending > 0 || (s.claimsPending ?? 0) > 0 || s.error !== null);

/** The one status line: the notes' status, with the claims' counts and, when the notes have none, their problem. */
export function joinStatuses(notes: SyncStatus, claims: SyncStatus | undefined): SyncStatus {
  if (!claims) return notes;
  return { ...notes, claimsPending: claims.pending, claimsOverQuota: claims.overQuota, error: notes.error ?? claims.error };
}

/**
 * Starts sync in the background. Returns the engine once it has started (`ready`), the claims'
 * engine once it has (`claimsReady`, undefined when it could not start), what another
 * transport merging into the same notes must share (`histories`, `serial`), and `stop`, which
 * undoes everything (for tests).
 */
export function startSyncBackground(
  db: NotesDb,
  deps: Partial<SyncBackgroundDeps> & Pick<SyncBackgroundDeps, 'notice'>,
): { ready: Promise<SyncEngine>; claimsReady: Promise<AreaSync<ClaimEntry> | undefined>; histories: Histories; serial: Serial; stop: () => void } {
  const d: SyncBackgroundDeps = {
    sync: browser.storage.sync as SyncArea,
    local: browser.storage.local as LocalArea,
    alarms: browser.alarms as unknown as AlarmsApi,
    storageEvents: browser.storage.onChanged as unknown as SyncBackgroundDeps['storageEvents'],
    ...deps,
  };
  const offs: (() => void)[] = [];
  let enabled = true;
  // Woken by a change: the engine's start-up merge reads the whole area, so nothing to do here.
  const wake = () => undefined;
  let claimEngine: AreaSync<ClaimEntry> | undefined;
  const onAlarm = (alarm: { name: string }) => {
    if (alarm.name !== SYNC_RETRY_ALARM) return;
    void ready.then((engine) => Promise.all([engine.flush(), claimEngine?.flush()])).catch(() => undefined);
  };
  d.storageEvents.addListener(wake);
  d.alarms.onAlarm.addListener(onAlarm);
  offs.push(() => d.storageEvents.removeListener(wake), () => d.alarms.onAlarm.removeListener(onAlarm));

  const latest: { notes?: SyncStatus; claims?: SyncStatus } = {};
  const publish = () => {
    if (!latest.notes) return; // the claims' line waits for the notes' (the switch and the times are theirs)
    const status = joinStatuses(latest.notes, latest.claims);
    void publishSyncStatus(status).catch(() => undefined);
    void Promise.resolve(needsRetry(status) ? d.alarms.create(SYNC_RETRY_ALARM, { delayInMinutes: 1 }) : d.alarms.clear(SYNC_RETRY_ALARM)).catch(() => undefined);
  };
  // Both transports merge into the same notes: one record of their histories, one lock.
  const histories = new Histories(areaMetaStore(d.local));
  const serial = new Serial();
  // Both engines write to the one area: one budget of writes.
  const limiter = areaLimiter();
  const debounce = d.debounceMs !== undefined ? { debounceMs: d.debounceMs } : {};
  // The claims' engine starts after the notes', and a failure to start it leaves the notes syncing.
  let stopped = false;
  const startClaims = async (claims: () => ReaderClaimsDb): Promise<AreaSync<ClaimEntry> | undefined> => {
    try {
      const started = await startClaimSync({ db: claims, sync: d.sync, enabled, limiter, ...debounce });
      if (stopped) return void started.stop();
      claimEngine = started.engine;
      offs.push(started.stop, started.engine.subscribe((s) => ((latest.claims = s), publish())));
      latest.claims = started.engine.status();
    } catch (err) {
      latest.claims = { enabled, lastSyncedAt: null, pending: 0, overQuota: 0, error: `Tracked claims could not start syncing (${errorMessage(err)}). They are safe on this device.` };
    }
    publish();
    return claimEngine;
  };
  const ready = (async () => {
    enabled = await getSyncEnabled();
    const { engine, stop } = await startNoteSync({ db, sync: d.sync, local: d.local, enabled, notice: d.notice, histories, serial, limiter, ...debounce });
    offs.push(stop, engine.subscribe((s) => ((latest.notes = s), publish())));
    offs.push(watchSyncEnabled((on) => void ((enabled = on), Promise.all([engine.setEnabled(on), claimEngine?.setEnabled(on)]))));
    latest.notes = engine.status();
    publish();
    return engine;
  })();
  const claimsReady = ready.then((): Promise<AreaSync<ClaimEntry> | undefined> | undefined => (d.claims ? startClaims(d.claims) : undefined), () => undefined);
  ready.catch((err: unknown) => {
    // Notes are safe in IndexedDB whatever happened here; the reader is told sync is not running.
    const reason = errorMessage(err);
    void publishSyncStatus({ enabled, lastSyncedAt: null, pending: 0, overQuota: 0, error: `Sync could not start (${reason}). Your notes are safe on this device.` }).catch(() => undefined);
  });
  return {
    ready,
    claimsReady,
    histories,
    serial,
    stop: () => {
      stopped = true;
      offs.splice(0).forEach((off) => off());
    },
  };
}
