import { storage } from '#imports';
import { NOT_CONFIGURED, WebDavConfigSchema, WebDavStatusSchema, type WebDavConfig, type WebDavStatus } from './schema';

/**
 * WebDAV sync's items, shared by the options page and the background through storage rather than
 * messages, so the credentials never travel in one: the configuration (account, library key and
 * switch) in `storage.local` only; the status line in `storage.session`; and a "sync now" request.
 * Everything read is parsed; a bad value counts as not configured.
 */

const configItem = storage.defineItem<unknown>('local:webdavConfig', { fallback: null });
const statusItem = storage.defineItem<unknown>('session:webdavStatus', { fallback: null });
const requestItem = storage.defineItem<unknown>('local:webdavSyncRequest', { fallback: 0 });

/** Background only: how far this device has come with the library, read through `DavProgressSchema` (`areaStateStore`). */
export const davProgressItem = storage.defineItem<unknown>('local:davprogress', { fallback: null });

const configOf = (v: unknown): WebDavConfig | null => {
  const parsed = WebDavConfigSchema.safeParse(v);
  return parsed.success ? parsed.data : null;
};
const statusOf = (v: unknown): WebDavStatus | null => {
  const parsed = WebDavStatusSchema.safeParse(v);
  return parsed.success ? parsed.data : null;
};

/** The configuration, or null when WebDAV is not set up on this device. */
export async function getWebDavConfig(): Promise<WebDavConfig | null> {
  return configOf(await configItem.getValue());
}

/** Stores the configuration (null: forget it, credentials and key included). */
export async function setWebDavConfig(config: WebDavConfig | null): Promise<void> {
  if (config === null) await configItem.removeValue();
  else await configItem.setValue(WebDavConfigSchema.parse(config));
}

/** Calls back with every new configuration. Returns the remover. */
export function watchWebDavConfig(onChange: (config: WebDavConfig | null) => void): () => void {
  return configItem.watch((v) => onChange(configOf(v)));
}

/** Background: publishes the status line. */
export async function publishWebDavStatus(status: WebDavStatus): Promise<void> {
  await statusItem.setValue(WebDavStatusSchema.parse(status));
}

/** The last published status (not configured before the background has published one). */
export async function readWebDavStatus(): Promise<WebDavStatus> {
  return statusOf(await statusItem.getValue()) ?? NOT_CONFIGURED;
}

/** Calls back with every published status. Returns the remover. */
export function watchWebDavStatus(onChange: (status: WebDavStatus) => void): () => void {
  return statusItem.watch((v) => onChange(statusOf(v) ?? NOT_CONFIGURED));
}

/** Asks the background to sync now. */
export async function requestWebDavSync(): Promise<void> {
  await requestItem.setValue(Date.now());
}

/** Background: calls back on every "sync now". Returns the remover. */
export function watchWebDavSyncRequests(onRequest: () => void): () => void {
  return requestItem.watch(() => onRequest());
}

/** The match pattern of a folder URL's host, for `permissions.request` (patterns hold no port). */
export function originPattern(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}
