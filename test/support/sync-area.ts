import type { DriverPage } from './driver';

/** `storage.sync` as the extension sees it, from one of its pages: for the sync end-to-end tests. */

/** Everything the sync area holds. */
export const syncItems = (page: DriverPage) =>
  page.evaluate(() => ((globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome).storage.sync.get(null)) as Promise<Record<string, unknown>>;

/** Writes `items` into the sync area, as another computer of the profile would. */
export const setSync = (page: DriverPage, items: Record<string, unknown>) =>
  page.evaluate((i) => ((globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome).storage.sync.set(i), items);
