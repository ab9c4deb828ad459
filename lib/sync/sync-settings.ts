import { storage } from '#imports';
import { SyncSettingsSchema, SyncStatusSchema, type SyncStatus } from './schema';

/**
 * The reader's sync switch and the engine's status line, as storage items both sides share: the
 * options page writes the switch and the background watches it; the background publishes the
 * status in `storage.session` (it lasts while the browser runs, across the MV3 worker's restarts)
 * and the popup and options page watch it. Everything read is parsed: a bad value counts as the
 * default (switch on) or as no status yet, never as a crash.
 */

// Per device (`local:`), not in `storage.sync`: turning sync off here must not turn it off on the
// reader's other computers, and the switch must work even when `storage.sync` is full.
const settingsItem = storage.defineItem<unknown>('local:syncSettings', { fallback: { enabled: true } });
const statusItem = storage.defineItem<unknown>('session:syncStatus', { fallback: null });

const enabledOf = (value: unknown): boolean => {
  const parsed = SyncSettingsSchema.safeParse(value);
  return parsed.success ? parsed.data.enabled : true;
};
const statusOf = (value: unknown): SyncStatus | null => {
  const parsed = SyncStatusSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
};

/** Whether the reader wants sync on this device (default: on). */
export async function getSyncEnabled(): Promise<boolean> {
  return enabledOf(await settingsItem.getValue());
}

/** Turns sync on or off on this device; the background applies it at once. */
export async function setSyncEnabled(enabled: boolean): Promise<void> {
  await settingsItem.setValue(SyncSettingsSchema.parse({ enabled }));
}

/** Calls back with the switch's new position whenever it changes. Returns the remover. */
export function watchSyncEnabled(onChange: (enabled: boolean) => void): () => void {
  return settingsItem.watch((value) => onChange(enabledOf(value)));
}

/** Background: makes the engine's status visible to the extension's pages. */
export async function publishSyncStatus(status: SyncStatus): Promise<void> {
  await statusItem.setValue(SyncStatusSchema.parse(status));
}

/** The last published status, or null before the background has published one. */
export async function readSyncStatus(): Promise<SyncStatus | null> {
  return statusOf(await statusItem.getValue());
}

/** Calls back with every newly published status. Returns the remover. */
export function watchSyncStatus(onChange: (status: SyncStatus | null) => void): () => void {
  return statusItem.watch((value) => onChange(statusOf(value)));
}
