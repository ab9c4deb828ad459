import { storage } from '#imports';
import { DeviceIdSchema } from './schema';

/** Where the id is kept: `storage.local`, per device (it is never synced). Read through `DeviceIdSchema`. */
const deviceIdItem = storage.defineItem<unknown>('local:deviceId', { fallback: null });

/** The part of a storage item the device id needs (tests pass their own). */
export type DeviceIdItem = { getValue(): Promise<unknown>; setValue(value: string): Promise<void> };

/**
 * This browser profile's device id, made once (a UUID) and kept in `storage.local`, so every
 * note edit says which device made it (sync tells concurrent edits apart by it). Returns the same
 * promise to concurrent callers, so two first calls never make two ids.
 */
export function deviceIdFrom(item: DeviceIdItem = deviceIdItem): () => Promise<string> {
  let pending: Promise<string> | undefined;
  const read = async () => {
    const stored = DeviceIdSchema.safeParse(await item.getValue());
    if (stored.success) return stored.data;
    const id = crypto.randomUUID();
    await item.setValue(id);
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
