import { z } from 'zod';
import { NoteIdSchema } from '../notes/schema';
import { fromCompact, toCompact } from '../sync/codec';
import { packId, unpackId } from '../sync/keys';
import type { SyncEntry } from '../sync/schema';
import { MAX_ITERATIONS, MIN_ITERATIONS, open, seal } from './crypto';

/**
 * How a library is laid out in the reader's WebDAV folder, and the bounded schemas everything
 * read back goes through (a server, or whoever else writes there, is untrusted):
 *
 *   crosscheck-library.json   the header, in clear: format, library id, and how the key is
 *                             derived (PBKDF2 iterations and salt) with a key check; or no
 *                             encryption. Written once, with If-None-Match: *.
 *   crosscheck-index          a small change log: a sequence number and the last 512 notes
 *                             written, so another device fetches just those. Rewritten with
 *                             If-Match on every sync that wrote something; its size is bounded.
 *   notes/<note id>           one object per note (sync's compact record of all its versions),
 *                             written with If-Match, or If-None-Match: * when new.
 *
 * With encryption on, the index and every note are AES-GCM sealed under their own name, so the
 * server sees ids, sizes and times, never text, pages, tags or quotes.
 */

export const HEADER_NAME = 'crosscheck-library.json';
export const INDEX_NAME = 'crosscheck-index';
export const NOTES_DIR = 'notes/';

/** Largest header, index and note object a device reads; anything larger is refused unread. */
export const MAX_HEADER_BYTES = 4_096;
export const LOG_LENGTH = 512;
export const MAX_INDEX_BYTES = 64 * 1024;
/** A note of 128 versions of 20,000 three-byte characters, with room for its history. */
export const MAX_NOTE_BYTES = 8 * 1024 * 1024;
/** A listing of a folder of notes: about 400 bytes a note, for up to 100,000 notes. */
export const MAX_LISTING_BYTES = 48 * 1024 * 1024;

/** The object name of a note. */
export const noteName = (id: string): string => `${NOTES_DIR}${id}`;

/** The note id an object name in `notes/` holds, or undefined when it is not one of ours. */
export function idOfName(name: string): string | undefined {
  return NoteIdSchema.safeParse(name).success ? name : undefined;
}

const Base64 = (max: number) => z.string().max(max).regex(/^[A-Za-z0-9+/]*={0,2}$/);

/** How the library's key is derived from the reader's passphrase. */
export const EncryptionSchema = z.object({
  cipher: z.literal('AES-256-GCM'),
  kdf: z.literal('PBKDF2-SHA-256'),
  iterations: z.number().int().min(MIN_ITERATIONS).max(MAX_ITERATIONS),
  salt: Base64(64).min(16),
  /** A fixed text sealed under the key: a wrong passphrase is told before anything is read. */
  check: Base64(200),
});
export type Encryption = z.infer<typeof EncryptionSchema>;

/** The library header. */
export const HeaderSchema = z.object({
  format: z.literal('crosscheck-notes'),
  version: z.literal(1),
  library: z.uuid(),
  encryption: EncryptionSchema.nullable(),
});
export type Header = z.infer<typeof HeaderSchema>;

const PackedIdSchema = z.string().length(22).regex(/^[A-Za-z0-9_-]+$/);
const SeqSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** The change log: the last sequence number, and the notes written at each of the last ones. */
export const IndexSchema = z.object({
  v: z.literal(1),
  seq: SeqSchema,
  log: z.array(z.tuple([SeqSchema, PackedIdSchema])).max(LOG_LENGTH),
});
export type Index = z.infer<typeof IndexSchema>;

/** The index's log entries as (sequence, note id). */
export const logIds = (index: Index): [number, string][] => index.log.map(([seq, packed]) => [seq, unpackId(packed)]);

/** The index after `ids` were written: their sequence numbers follow, the log keeps its last entries. */
export function appendToIndex(index: Index | null, ids: string[]): Index {
  const seq = index?.seq ?? 0;
  const added = ids.map((id, i): [number, string] => [seq + i + 1, packId(id)]);
  return { v: 1, seq: seq + ids.length, log: [...(index?.log ?? []), ...added].slice(-LOG_LENGTH) };
}

/** Seals (or, without a key, just encodes) the objects of a library. */
export class ObjectCodec {
  constructor(private readonly key: CryptoKey | null) {}

  /** The Content-Type objects are stored with. */
  get contentType(): string {
    return this.key ? 'application/octet-stream' : 'application/json';
  }

  /** The bytes stored for `value` under `name`. */
  async encode(name: string, value: unknown): Promise<Uint8Array> {
    const plain = new TextEncoder().encode(JSON.stringify(value));
    return this.key ? seal(this.key, name, plain) : plain;
  }

  /** The JSON value stored under `name`; throws when it cannot be opened or is not JSON. */
  async decode(name: string, bytes: Uint8Array): Promise<unknown> {
    const plain = this.key ? await open(this.key, name, bytes) : bytes;
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain));
  }

  /** A note's object. */
  encodeNote(entry: SyncEntry): Promise<Uint8Array> {
    return this.encode(noteName(entry.id), { i: entry.id, r: toCompact(entry) });
  }

  /** The note a note object holds, decoded through sync's bounded schemas; throws with the reason. */
  async decodeNote(id: string, bytes: Uint8Array): Promise<SyncEntry> {
    const value = z.object({ i: z.literal(id), r: z.unknown() }).parse(await this.decode(noteName(id), bytes));
    return fromCompact(id, value.r);
  }

  /** The index. */
  async decodeIndex(bytes: Uint8Array): Promise<Index> {
    return IndexSchema.parse(await this.decode(INDEX_NAME, bytes));
  }
}
