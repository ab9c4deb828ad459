import { z } from 'zod';
import { DeviceIdSchema, NoteBodySchema, NoteSchema, NoteTargetSchema, TimestampSchema } from '../notes/schema';
import { SYNC_LIMITS } from './area';

/**
 * Schemas for sync: the reader's switch, the status the popup and options page show, and the
 * engine's own model of a note as a set of concurrent versions (a multi-value register), which is
 * what travels through `storage.sync` and what merging works on.
 */

/** The reader's sync switch, stored with the other settings. */
export const SyncSettingsSchema = z.object({ enabled: z.boolean().default(true) });
export type SyncSettings = z.infer<typeof SyncSettingsSchema>;

/** What the status line says: when notes last synced, how many notes and tracked claims wait, and what went wrong. */
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
  /** Tracked claims changed here and not in `storage.sync` yet (absent: claims are not synced here). */
  claimsPending: z.number().int().nonnegative().optional(),
  /** Tracked claims that do not fit their share of `storage.sync` (kept safe on this device only). */
  claimsOverQuota: z.number().int().nonnegative().optional(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

/** Where one note stands with sync. */
export const NoteSyncStateSchema = z.enum(['synced', 'pending', 'over-quota']);
export type NoteSyncState = z.infer<typeof NoteSyncStateSchema>;

/**
 * The highest edit counter sync accepts. A new edit on top of a history that saw none of its
 * device's earlier counters lists them all as unseen, and a list longer than the whole quota
 * (at least two bytes a number) is not one any device could have written. It bounds the work a
 * hostile counter can cause: 2^24 once made every write spin for 20 s and fail.
 */
export const MAX_COUNTER = Math.floor(SYNC_LIMITS.QUOTA_BYTES / 2);
const CounterSchema = z.number().int().min(1).max(MAX_COUNTER);

/** The key of a history: a device id, or `device@time` for a version sync had no record of. */
const DotDeviceSchema = z.string().min(1).max(256);

/**
 * Which edits a version was made on top of: device id → highest edit counter seen there, or
 * [highest, ...counters below it not seen]. See `version-vector.ts`.
 */
export const VersionVectorSchema = z.record(DotDeviceSchema, z.union([CounterSchema, z.array(CounterSchema).min(1)]));
export type VersionVector = z.infer<typeof VersionVectorSchema>;

const VersionStampSchema = z.object({
  m: TimestampSchema,
  d: DeviceIdSchema,
  /** A tombstone: the note was deleted. Tombstones carry no body in sync. */
  x: z.boolean(),
  vv: VersionVectorSchema,
  /** This version's own edit counter on its device (its dot). */
  n: CounterSchema,
  /** The dot's device when it is not `d` (a conflict sync has no record of). */
  k: DotDeviceSchema.optional(),
});

/** One version of a note: its stamp (modified, device), tombstone flag, history and body. */
export const SyncVersionSchema = VersionStampSchema.extend({ b: NoteBodySchema.optional() }).refine((v) => v.x === (v.b === undefined), 'a live version needs a body; a tombstone has none');
export type SyncVersion = z.infer<typeof SyncVersionSchema>;

/** Most versions one synced note may hold (concurrent edits left unresolved, tombstones). */
export const MAX_VERSIONS = 128;

/**
 * A note as sync sees it: shared fields plus every version no other version has replaced. Every
 * field that becomes part of a stored note uses the note's own schema, so an entry that decodes
 * always makes a note that `NoteSchema` accepts: nothing read from `storage.sync` can fail later.
 */
export const SyncEntrySchema = z.object({
  id: NoteSchema.shape.id,
  created: NoteSchema.shape.created,
  /** Present while some version is live; a deleted note travels without it, to stay small. */
  target: z.optional(NoteTargetSchema),
  claimId: NoteSchema.shape.claimId,
  /** At least one; at most what a reader could sort out (merging compares them pairwise). */
  versions: z.array(SyncVersionSchema).min(1).max(MAX_VERSIONS),
});
export type SyncEntry = z.infer<typeof SyncEntrySchema>;

/** What the engine remembers per note on this device: the history of each version it holds. */
export const NoteMetaSchema = z.object({
  versions: z.array(VersionStampSchema),
});
export type NoteMeta = z.infer<typeof NoteMetaSchema>;
