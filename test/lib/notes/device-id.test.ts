import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { deviceIdFrom } from '@/lib/notes/device-id';

beforeEach(() => fakeBrowser.reset());

describe('deviceIdFrom', () => {
  it('makes one id for concurrent first callers, keeps it in storage.local, and reads it back later', async () => {
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const get = deviceIdFrom();
    const [a, b] = await Promise.all([get(), get()]);
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(b).toBe(a);
    expect(await deviceIdFrom()()).toBe(a); // a restarted background
    expect(set).toHaveBeenCalledTimes(1);
    expect(await fakeBrowser.storage.local.get('deviceId')).toEqual({ deviceId: a });
  });

  it('keeps the id an earlier version stored, and replaces a value that is no device id', async () => {
    await fakeBrowser.storage.local.set({ deviceId: 'kept-from-before' });
    expect(await deviceIdFrom()()).toBe('kept-from-before');
    await fakeBrowser.storage.local.set({ deviceId: 42 });
    const made = await deviceIdFrom()();
    expect(made).toMatch(/^[0-9a-f-]{36}$/);
    expect(await fakeBrowser.storage.local.get('deviceId')).toEqual({ deviceId: made });
  });

  it('tries again after storage refused, rather than remember the failure', async () => {
    const item = { getValue: vi.fn().mockRejectedValueOnce(new Error('storage is closing')).mockResolvedValue('device-1'), setValue: vi.fn() };
    const get = deviceIdFrom(item);
    await expect(get()).rejects.toThrow('storage is closing');
    expect(await get()).toBe('device-1');
  });
});
