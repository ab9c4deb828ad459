import { z } from 'zod';
import { NoteBodySchema, NoteTargetSchema } from '../notes/schema';

/**
 * Schemas for sync: the reader's switch, the status the popup and side panel show, and the
 * engine's own model of a note as a set of concurrent versions (a multi-value register), which is
 * what travels through `storage.sync` and what merging works on.
 */

/** The reader's sync switch, stored with the other settings. */
export const SyncSettingsSchema = z.object({ enabled: z.boolean().default(true) });
export type SyncSettings = z.infer<typeof SyncSettingsSchema>;

/** What the status line says: when notes last synced, how many wait, and what went wrong. */
export const SyncStatusSchema = z.object({
  enabled: z.boolean(),
  /** Time of the last write or merge that left nothing waiting; null before the first one. */
  lastSyncedAt: z.number().int().nullable(),
  /** Notes changed here that are not in `storage.sync` yet (they will be written soon). */
  pending: z.number().int().nonnegative(),
  /** Notes that do not fit in `storage.sync` (kept safe on this device only). */
  overQuota: z.number().int().nonnegative(),
  /** The last problem in plain words, or null. */
  error: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

/** Where one note stands with sync. */
export const NoteSyncStateSchema = z.enum(['synced', 'pending', 'over-quota']);
export type NoteSyncState = z.infer<typeof NoteSyncStateSchema>;

/**
 * Which edits a version was made on top of: device id → highest edit counter seen there, or
 * [highest, ...counters below it not seen]. See `version-vector.ts`.
 */
export const VersionVectorSchema = z.record(
  z.string().min(1),
  z.union([z.number().int().positive(), z.array(z.number().int().positive()).min(1)]),
);
export type VersionVector = z.infer<typeof VersionVectorSchema>;

const VersionStampSchema = z.object({
  m: z.number().int(),
  d: z.string().min(1),
  /** A tombstone: the note was deleted. Tombstones carry no body in sync. */
  x: z.boolean(),
  vv: VersionVectorSchema,
  /** This version's own edit counter on its device (its dot). */
  n: z.number().int().positive(),
  /** The dot's device when it is not `d` (a conflict sync has no record of). */
  k: z.string().optional(),
});

/** One version of a note: its stamp (modified, device), tombstone flag, history and body. */
export const SyncVersionSchema = VersionStampSchema.extend({ b: NoteBodySchema.optional() }).refine((v) => v.x === (v.b === undefined), 'a live version needs a body; a tombstone has none');
export type SyncVersion = z.infer<typeof SyncVersionSchema>;

/** A note as sync sees it: shared fields plus every version no other version has replaced. */
export const SyncEntrySchema = z.object({
  id: z.string().min(1),
  created: z.number().int(),
  /** Present while some version is live; a deleted note travels without it, to stay small. */
  target: NoteTargetSchema.optional(),
  claimId: z.string().optional(),
  versions: z.array(SyncVersionSchema).min(1),
});
export type SyncEntry = z.infer<typeof SyncEntrySchema>;

/** What the engine remembers per note on this device: the history of each version it holds. */
export const NoteMetaSchema = z.object({
  versions: z.array(VersionStampSchema),
});
export type NoteMeta = z.infer<typeof NoteMetaSchema>;
