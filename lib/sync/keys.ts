/**
 * Item keys in `storage.sync`. One head item per note (`n:` + id) and, for a note too large for
 * one item, chunk items named after the content they hold (`c:` + id + `.` + hash + `.` + index),
 * so one note changes without touching others and two versions' chunks can never mix.
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

/** The head item's key for a note. */
export const headKey = (id: string): string => `n:${packId(id)}`;

/** `headKey(id).length`, without packing the id: the planner sizes every note on every pass. */
export const headKeyLength = (id: string): number => 2 + (UUID.test(id) ? 22 : id.length + 1);

/** The key of chunk `index` of the chunk set `hash` of a note. */
export const chunkKey = (id: string, hash: string, index: number): string =>
  `c:${packId(id)}.${hash}.${index}`;

/** What a key in the sync area is, if it is one of ours. */
export type ParsedKey =
  | { kind: 'head'; id: string }
  | { kind: 'chunk'; id: string; hash: string; index: number };

/** Reads a key; undefined for keys that are not sync's (settings and the like). */
export function parseKey(key: string): ParsedKey | undefined {
  try {
    if (key.startsWith('n:')) return { kind: 'head', id: unpackId(key.slice(2)) };
    if (key.startsWith('c:')) {
      const parts = key.slice(2).split('.');
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
