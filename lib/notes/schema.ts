import { z } from 'zod';
import { MAX_NOTE_TEXT, MAX_TAG_LENGTH, MAX_TAGS, NOTE_COLORS } from './limits';
import { NoteTargetSchema } from './note-target';
import { MAX_CLAIM_ID } from '../claims/limits';

/**
 * The reader's notes, shaped after the W3C Web Annotation Data Model: a body (Markdown text, tags,
 * colour) on a target (the page and selectors for the quoted text), plus what sync needs.
 */

export { HttpUrlSchema, NoteTargetSchema, type NoteTarget } from './note-target';
export {
  TextPositionSelectorSchema,
  TextQuoteSelectorSchema,
  type TextPositionSelector,
  type TextQuoteSelector,
} from '../anchoring/selectors';

/** The highlight colour the reader picked. */
export const NoteColorSchema = z.enum(NOTE_COLORS);
export type NoteColor = z.infer<typeof NoteColorSchema>;

/** One tag, trimmed and non-empty. */
export const TagSchema = z.string().trim().min(1).max(MAX_TAG_LENGTH);

/** What the reader wrote: Markdown text (may be empty: a plain highlight), tags, colour. */
export const NoteBodySchema = z.object({
  text: z.string().max(MAX_NOTE_TEXT),
  tags: z.array(TagSchema).max(MAX_TAGS),
  color: NoteColorSchema,
});
export type NoteBody = z.infer<typeof NoteBodySchema>;

/**
 * The last instant a note may carry: 9999-12-31T23:59:59.999Z, the latest a four-digit ISO date
 * (and so the W3C export) can write. Later numbers are not dates anyone made; `toISOString`
 * throws on some of them, which once locked every note away.
 */
export const MAX_TIME = 253_402_300_799_999;

/** A time in milliseconds since 1970, within what a date can be written as (see MAX_TIME). */
export const TimestampSchema = z.number().int().min(0).max(MAX_TIME);

/** A device id (a UUID on our devices; any short text from an import). */
export const DeviceIdSchema = z.string().min(1).max(200);

/** A note's id: a UUID, so that notes made on different devices never collide. */
export const NoteIdSchema = z.uuid();

/** The claim a note is attached to (a database slug); bounded as the content script's marks are. */
export const ClaimIdSchema = z.string().min(1).max(MAX_CLAIM_ID);


/** Another device's version of the same note, kept visible until the reader resolves it. */
export const NoteVersionSchema = NoteBodySchema.extend({
  modified: TimestampSchema,
  deviceId: DeviceIdSchema,
});
export type NoteVersion = z.infer<typeof NoteVersionSchema>;

/** A stored note, tombstones included (see notes-service for how they are made). */
export const NoteSchema = z.object({
  id: NoteIdSchema,
  target: NoteTargetSchema,
  body: NoteBodySchema,
  /** Set when the note was attached to a claim from its card. */
  claimId: ClaimIdSchema.optional(),
  created: TimestampSchema,
  modified: TimestampSchema,
  /** The device that made the last edit. */
  deviceId: DeviceIdSchema,
  /** A tombstone: deletions travel through sync as edits. */
  deleted: z.boolean().default(false),
  conflicts: z.array(NoteVersionSchema).default([]),
});
export type Note = z.infer<typeof NoteSchema>;

/** What an editor sends to create a note; the service fills in the rest. */
export const NewNoteSchema = NoteSchema.pick({ target: true, body: true, claimId: true });
export type NewNote = z.infer<typeof NewNoteSchema>;
