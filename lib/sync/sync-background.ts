import { browser } from 'wxt/browser';
import type { NotesDb } from '../notes/db';
import type { NotesNotice } from '../notes/notes-broadcast';
import type { LocalArea } from './adapters';
import type { SyncArea } from './area';
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
 * with the note routes), applies the reader's switch, publishes the status line for the popup and
 * options page, and hears and tells the notes' change notice: local writes name the notes to
 * push, and notes arriving from another device repaint their open tabs. It returns
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
  debounceMs?: number;
};

/** Whether the engine has something to try again: notes waiting, or a write refused. */
const needsRetry = (s: SyncStatus) => s.enabled && (s.pending > 0 || s.error !== null);

/**
 * Starts sync in the background. Returns the engine once it has started (`ready`), what another
 * transport merging into the same notes must share (`histories`, `serial`), and `stop`, which
 * undoes everything (for tests).
 */
export function startSyncBackground(
  db: NotesDb,
  deps: Partial<SyncBackgroundDeps> & Pick<SyncBackgroundDeps, 'notice'>,
): { ready: Promise<SyncEngine>; histories: Histories; serial: Serial; stop: () => void } {
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
  const onAlarm = (alarm: { name: string }) => {
    if (alarm.name === SYNC_RETRY_ALARM) void ready.then((engine) => engine.flush()).catch(() => undefined);
  };
  d.storageEvents.addListener(wake);
  d.alarms.onAlarm.addListener(onAlarm);
  offs.push(() => d.storageEvents.removeListener(wake), () => d.alarms.onAlarm.removeListener(onAlarm));

  const publish = (status: SyncStatus) => {
    void publishSyncStatus(status).catch(() => undefined);
    void Promise.resolve(needsRetry(status) ? d.alarms.create(SYNC_RETRY_ALARM, { delayInMinutes: 1 }) : d.alarms.clear(SYNC_RETRY_ALARM)).catch(() => undefined);
  };
  // Both transports merge into the same notes: one record of their histories, one lock.
  const histories = new Histories(areaMetaStore(d.local));
  const serial = new Serial();
  const ready = (async () => {
    enabled = await getSyncEnabled();
    const { engine, stop } = await startNoteSync({ db, sync: d.sync, local: d.local, enabled, notice: d.notice, histories, serial, ...(d.debounceMs !== undefined ? { debounceMs: d.debounceMs } : {}) });
    offs.push(stop, engine.subscribe(publish));
    offs.push(watchSyncEnabled((on) => void engine.setEnabled(on)));
    publish(engine.status());
    return engine;
  })();
  ready.catch((err: unknown) => {
    // Notes are safe in IndexedDB whatever happened here; the reader is told sync is not running.
    const reason = errorMessage(err);
    void publishSyncStatus({ enabled, lastSyncedAt: null, pending: 0, overQuota: 0, error: `Sync could not start (${reason}). Your notes are safe on this device.` }).catch(() => undefined);
  });
  return {
    ready,
    histories,
    serial,
    stop: () => offs.splice(0).forEach((off) => off()),
  };
}
