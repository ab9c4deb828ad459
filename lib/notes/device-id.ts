/** The part of `browser.storage.local` the device id needs. */
export type DeviceIdArea = {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
};

/** Where the id is kept in `storage.local` (per device: `storage.local` is never synced). */
export const DEVICE_ID_KEY = 'deviceId';

/**
 * This browser profile's device id, made once (a UUID) and kept in `storage.local`, so every
 * note edit says which device made it (sync tells concurrent edits apart by it). Returns the same
 * promise to concurrent callers, so two first calls never make two ids.
 */
export function deviceIdFrom(area: DeviceIdArea): () => Promise<string> {
  let pending: Promise<string> | undefined;
  const read = async () => {
    const stored = (await area.get(DEVICE_ID_KEY))[DEVICE_ID_KEY];
    if (typeof stored === 'string' && stored.length > 0) return stored;
    const id = crypto.randomUUID();
    await area.set({ [DEVICE_ID_KEY]: id });
    return id;
  };
  return () => {
    pending ??= read().catch((error: unknown) => {
      pending = undefined; // try again next time rather than remember a failure
      throw error;
    });
    return pending;
  };
}
