/**
 * Item keys in `storage.sync`. One head item per note (`n:` + id) and, for a note too large for
 * one item, chunk items named after the content they hold (`c:` + id + `.` + hash + `.` + index),
 * so one note changes without touching others and two versions' chunks can never mix. Tracked
 * claims use the same shapes under prefixes of their own (see `KeySpace`).
 * UUIDs are packed to 22 base64url characters, because keys count against the quota too.
 */

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Packs a lower-case UUID into 22 characters; any other id is kept as-is after a `~`. */
export function packId(id: string): string {
  if (!UUID.test(id)) return `~${id}`;
  const hex = id.replace(/-/g, '');
  let bits = '';
  for (const ch of hex) bits += parseInt(ch, 16).toString(2).padStart(4, '0');
  bits += '0000'; // 128 bits + 4 → 22 groups of 6
  let out = '';
  for (let i = 0; i < bits.length; i += 6) out += B64[parseInt(bits.slice(i, i + 6), 2)];
  return out;
}

/** The inverse of `packId`; throws on a string that `packId` cannot have made. */
export function unpackId(packed: string): string {
  if (packed.startsWith('~')) return packed.slice(1);
  if (packed.length !== 22) throw new Error(`Not a packed note id: "${packed}"`);
  let bits = '';
  for (const ch of packed) {
    const n = B64.indexOf(ch);
    if (n < 0) throw new Error(`Not a packed note id: "${packed}"`);
    bits += n.toString(2).padStart(6, '0');
  }
  let hex = '';
  for (let i = 0; i < 128; i += 4) hex += parseInt(bits.slice(i, i + 4), 2).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Where one collection's items live in the area: the prefix of its head items and of its chunks.
 * Notes are `n:` and `c:`; another collection takes prefixes no other one starts with.
 */
export type KeySpace = { head: string; chunk: string };

/** The notes' keys. */
export const NOTE_KEYS: KeySpace = { head: 'n:', chunk: 'c:' };

/** The head item's key for an item of `space`. */
export const headKeyIn = (space: KeySpace, id: string): string => `${space.head}${packId(id)}`;

/** `headKeyIn(space, id).length`, without packing the id: the planner sizes every item on every pass. */
export const headKeyLengthIn = (space: KeySpace, id: string): number => space.head.length + (UUID.test(id) ? 22 : id.length + 1);

/** The key of chunk `index` of the chunk set `hash` of an item of `space`. */
export const chunkKeyIn = (space: KeySpace, id: string, hash: string, index: number): string =>
  `${space.chunk}${packId(id)}.${hash}.${index}`;

/** The head item's key for a note. */
export const headKey = (id: string): string => headKeyIn(NOTE_KEYS, id);

/** `headKey(id).length`, without packing the id. */
export const headKeyLength = (id: string): number => headKeyLengthIn(NOTE_KEYS, id);

/** The key of chunk `index` of the chunk set `hash` of a note. */
export const chunkKey = (id: string, hash: string, index: number): string => chunkKeyIn(NOTE_KEYS, id, hash, index);

/** What a key in the sync area is, if it is one of ours. */
export type ParsedKey =
  | { kind: 'head'; id: string }
  | { kind: 'chunk'; id: string; hash: string; index: number };

/** Reads a key of `space`; undefined for keys that are not its own (other collections', settings). */
export function parseKeyIn(space: KeySpace, key: string): ParsedKey | undefined {
  try {
    if (key.startsWith(space.head)) return { kind: 'head', id: unpackId(key.slice(space.head.length)) };
    if (key.startsWith(space.chunk)) {
      const parts = key.slice(space.chunk.length).split('.');
      const index = Number(parts.pop());
      const hash = parts.pop();
      if (!hash || !Number.isInteger(index)) return undefined;
      return { kind: 'chunk', id: unpackId(parts.join('.')), hash, index };
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** Reads a note's key; undefined for keys that are not the notes'. */
export const parseKey = (key: string): ParsedKey | undefined => parseKeyIn(NOTE_KEYS, key);
