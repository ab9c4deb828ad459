import { browser } from 'wxt/browser';
import type { NotesDb } from '../notes/db';
import { joinNotice, type NotesNotice } from '../notes/notes-broadcast';
import { dexieNoteStore } from '../sync/adapters';
import type { Histories } from '../sync/histories';
import type { Serial } from '../sync/serial';
import { errorMessage } from '../error-message';
import { DavClient } from './client';
import { WebDavEngine } from './engine';
import { NOT_CONFIGURED, type WebDavConfig, type WebDavStatus } from './schema';
import { davProgressItem, getWebDavConfig, publishWebDavStatus, watchWebDavConfig, watchWebDavSyncRequests } from './settings';
import { areaStateStore, type DavLocalArea } from './state';

/**
 * WebDAV sync in the background: runs an engine while the reader has it set up and switched on
 * and the browser grants the folder's origin, restarts it when the configuration changes, syncs
 * on local edits, on "sync now", and every five minutes by alarm (the server cannot tell us of
 * other devices' notes, and an MV3 worker's timers die with it). The engine shares the notes
 * store, the histories and the lock with the storage.sync engine.
 */

/** The poll alarm's name. */
export const WEBDAV_POLL_ALARM = 'crosscheck-webdav-poll';
const POLL_MINUTES = 5;

export type WebDavBackgroundDeps = {
  db: NotesDb;
  histories: Histories;
  serial: Serial;
  /** The notes' change notice: heard for local writes; merges from the server are told to it. */
  notice: NotesNotice;
};

/** Starts WebDAV sync; must be called synchronously at the worker's start (it adds an alarm listener). */
export function startWebDavBackground(d: WebDavBackgroundDeps): () => void {
  let engine: WebDavEngine | undefined;
  let offs: (() => void)[] = [];
  let generation = 0;
  const publish = (s: WebDavStatus) => void publishWebDavStatus(s).catch(() => undefined);

  const stopEngine = () => {
    offs.splice(0).forEach((off) => off());
    engine?.stop();
    engine = undefined;
  };
  const apply = async (config: WebDavConfig | null) => {
    const mine = ++generation;
    stopEngine();
    if (!config) return publish(NOT_CONFIGURED);
    const server = new URL(config.url).origin;
    const base: WebDavStatus = { ...NOT_CONFIGURED, configured: true, enabled: config.enabled, server, encrypted: config.library.key !== null };
    if (!config.enabled) return publish(base);
    // Not gated on permissions.contains: Chrome grants an MV3 extension the hosts its content
    // script is declared for without listing them as granted. Without access, requests fail and
    // the status says the server cannot be reached.
    if (mine !== generation) return;
    const next = new WebDavEngine({
      client: new DavClient(config),
      library: config.library,
      store: dexieNoteStore(d.db),
      histories: d.histories,
      serial: d.serial,
      state: areaStateStore(browser.storage.local as DavLocalArea, davProgressItem),
      server,
    });
    engine = next;
    const joined = joinNotice(d.notice, () => next.notifyLocalChange());
    offs = [next.subscribe(publish), next.onRemoteChange(joined.tell), joined.leave];
    publish(next.status());
    await next.start();
  };
  const reapply = () =>
    void getWebDavConfig()
      .then(apply)
      .catch((err: unknown) => publish({ ...NOT_CONFIGURED, error: `WebDAV sync could not start (${errorMessage(err)}). Your notes are safe on this device.` }));

  const onAlarm = (alarm: { name: string }) => {
    if (alarm.name === WEBDAV_POLL_ALARM) void (engine ? engine.sync() : undefined);
  };
  browser.alarms.onAlarm.addListener(onAlarm);
  void Promise.resolve(browser.alarms.create(WEBDAV_POLL_ALARM, { periodInMinutes: POLL_MINUTES })).catch(() => undefined);
  const offConfig = watchWebDavConfig((c) => void apply(c).catch(() => undefined));
  const offRequests = watchWebDavSyncRequests(() => void engine?.sync());
  reapply();
  return () => {
    stopEngine();
    offConfig();
    offRequests();
    browser.alarms.onAlarm.removeListener(onAlarm);
  };
}
