import { z } from 'zod';
import { DeviceIdSchema, TimestampSchema } from '../notes/schema';
import { SYNC_LIMITS } from './area';
import { itemBytes, shortHash, utf8Length } from './bytes';
import { chunkKeyIn, headKeyIn, type KeySpace } from './keys';

/**
 * What the storage.sync engine needs to know of one collection (notes, tracked claims) to keep it
 * in the area: its keys, its compact record and the one door back from it, and what the planner
 * orders by. Also the encoding every collection shares: one head item, or, for an item larger than
 * the per-item limit, a manifest (hash, count, newest stamp) plus chunks, which a reader uses only
 * when the whole set is there and hashes right, so a half-arrived item is never read.
 */

/** The newest change an entry carries: its time, and the device (or any fixed tag) that made it. */
export type Stamp = { m: number; d: string };

/** One collection's entries in `storage.sync`; see the module comment. */
export interface ItemFormat<E> {
  /** What one entry is called in the reader's messages ("note", "tracked claim"). */
  noun: string;
  keys: KeySpace;
  /** Whether an id read from a key can be one of this collection's. */
  isId(id: string): boolean;
  id(e: E): string;
  /** The newest change's stamp: the planner's order (newest first), a chunked item's manifest. */
  top(e: E): Stamp;
  /** Whether the entry is only a tombstone (planned after every live entry, dropped after its time). */
  tomb(e: E): boolean;
  /** The record stored under the head key; equal entries give equal JSON. */
  toCompact(e: E): unknown;
  /** Decodes a record read from the area; throws naming what is wrong. Everything past it is bounded. */
  fromCompact(id: string, raw: unknown): E;
  /** At most the bytes its items take, counted cheaply: the planner sizes every entry on every pass. */
  minBytes(e: E): number;
}

/**
 * The head item of a chunked entry: the chunk set's hash, how many chunks (no more than the area
 * can hold items: a reader builds their keys), and the newest version's stamp.
 */
export const ManifestSchema = z.object({
  h: z.string().regex(/^[0-9a-z]{1,7}$/),
  n: z.number().int().min(1).max(SYNC_LIMITS.MAX_ITEMS),
  m: TimestampSchema,
  d: DeviceIdSchema,
});
export type Manifest = z.infer<typeof ManifestSchema>;

/** The canonical string of an entry: equal entries give equal strings. */
export const recordString = <E>(format: ItemFormat<E>, e: E): string => JSON.stringify(format.toCompact(e));

/** JSON cost of one code point inside a JSON string. */
function jsonCharBytes(ch: string): number {
  if (ch === '"' || ch === '\\') return 2;
  const c = ch.codePointAt(0)!;
  if (c < 0x20) return JSON.stringify(ch).length - 2;
  if (c >= 0xd800 && c <= 0xdfff) return 6; // a lone surrogate is escaped as \udxxx
  return utf8Length(ch);
}

/** Cuts `s` into pieces whose JSON fits `budget` bytes each, never splitting a code point. */
export function splitJson(s: string, budget: number): string[] {
  const pieces: string[] = [];
  let start = 0;
  let used = 2; // the quotes around the piece
  let i = 0;
  for (const ch of s) {
    const cost = jsonCharBytes(ch);
    if (used + cost > budget) {
      pieces.push(s.slice(start, i));
      start = i;
      used = 2;
    }
    used += cost;
    i += ch.length;
  }
  pieces.push(s.slice(start));
  return pieces;
}

/** The items that hold an entry: one head item, or a manifest plus chunks. */
export function encodeItems<E>(format: ItemFormat<E>, e: E, perItem: number = SYNC_LIMITS.QUOTA_BYTES_PER_ITEM): Record<string, unknown> {
  const rec = format.toCompact(e);
  const id = format.id(e);
  const head = headKeyIn(format.keys, id);
  if (itemBytes(head, rec) <= perItem) return { [head]: rec };
  const json = JSON.stringify(rec);
  const hash = shortHash(json);
  const keyBytes = utf8Length(chunkKeyIn(format.keys, id, hash, 99999));
  const pieces = splitJson(json, perItem - keyBytes);
  const { m, d } = format.top(e);
  const items: Record<string, unknown> = { [head]: { h: hash, n: pieces.length, m, d } satisfies Manifest };
  pieces.forEach((p, i) => (items[chunkKeyIn(format.keys, id, hash, i)] = p));
  return items;
}
