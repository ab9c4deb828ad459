import { z } from 'zod';
import { SavedLibrarySchema } from './library';

/**
 * The WebDAV settings this device keeps in `storage.local` (never `storage.sync`, never sent to a
 * content script), and the status line the background publishes for the popup and options page.
 */

/** The folder, the account and the library this device joined. */
export const WebDavConfigSchema = z.object({
  url: z.url({ protocol: /^https?$/ }).max(2048),
  username: z.string().min(1).max(256),
  password: z.string().min(1).max(1024),
  library: SavedLibrarySchema,
  /** The reader's switch for this device; setting up turns it on. */
  enabled: z.boolean(),
});
export type WebDavConfig = z.infer<typeof WebDavConfigSchema>;

/** What the status line says about WebDAV sync on this device. */
export const WebDavStatusSchema = z.object({
  configured: z.boolean(),
  enabled: z.boolean(),
  /** The server's origin, for "Syncing with cloud.example". */
  server: z.string().max(2048).nullable(),
  encrypted: z.boolean(),
  lastSyncedAt: z.number().int().nullable(),
  /** Notes changed here that the server does not hold yet. */
  pending: z.number().int().nonnegative(),
  syncing: z.boolean(),
  error: z.string().max(4096).nullable(),
});
export type WebDavStatus = z.infer<typeof WebDavStatusSchema>;

/** The status when WebDAV is not set up on this device. */
export const NOT_CONFIGURED: WebDavStatus = { configured: false, enabled: false, server: null, encrypted: false, lastSyncedAt: null, pending: 0, syncing: false, error: null };
