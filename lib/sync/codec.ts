import { z } from 'zod';
import { NoteIdSchema } from '../notes/schema';
import { encodeItems, type ItemFormat } from './item-format';
import { headKeyLength, NOTE_KEYS } from './keys';
import { normaliseEntry } from './merge';
import { SyncEntrySchema, type SyncEntry } from './schema';

/**
 * The compact form of a note in `storage.sync`: short keys and arrays instead of objects, the URL
 * left out when it equals the canonical source, tombstones reduced to their stamp and history.
 * A note whose record is larger than one item is split into chunk items; its head item then holds
 * only a manifest (hash, count, newest stamp), and a reader uses the chunks only when the whole set
 * is there and hashes right, so a half-arrived note is never read as a note.
 */

// [modified, device, 0, history, counter, text, tags, colour, dot device?] for a live version,
// [modified, device, 1, history, counter, dot device?] for a tombstone.
const CompactVersion = z.tuple([z.number(), z.string(), z.union([z.literal(0), z.literal(1)]), z.record(z.string(), z.unknown()), z.number()]).rest(z.unknown());
const CompactRecord = z.object({
  c: z.number(),
  k: z.string().optional(),
  t: z.array(z.unknown()).optional(),
  v: z.array(CompactVersion),
});
type CompactRecordT = z.infer<typeof CompactRecord>;

/** Encodes an entry as its compact record. */
export function toCompact(e: SyncEntry): CompactRecordT {
  const rec: CompactRecordT = { c: e.created, v: [] };
  if (e.claimId !== undefined) rec.k = e.claimId;
  if (e.target) {
    const t = e.target;
    const pos = t.position ? [t.position.start, t.position.end] : [];
    rec.t = [t.source, t.url === t.source ? 0 : t.url, t.title, t.quote.exact, t.quote.prefix, t.quote.suffix, ...pos];
  }
  rec.v = e.versions.map((v) => {
    const k = v.k !== undefined ? [v.k] : [];
    return v.b ? [v.m, v.d, 0, v.vv, v.n, v.b.text, v.b.tags, v.b.color, ...k] : [v.m, v.d, 1, v.vv, v.n, ...k];
  });
  return rec;
}

/**
 * Decodes a compact record into a normalised entry; throws an error naming what is wrong. The one
 * door for notes coming from `storage.sync`: everything past it is bounded by the schemas.
 */
export function fromCompact(id: string, raw: unknown): SyncEntry {
  const rec = CompactRecord.parse(raw);
  const entry: Record<string, unknown> = { id, created: rec.c, claimId: rec.k };
  if (rec.t) {
    const [source, url, title, exact, prefix, suffix, start, end] = rec.t;
    entry.target = {
      source, url: url === 0 ? source : url, title,
      quote: { type: 'TextQuoteSelector', exact, prefix, suffix },
      ...(start !== undefined ? { position: { type: 'TextPositionSelector', start, end } } : {}),
    };
  }
  entry.versions = rec.v.map(([m, d, x, vv, n, ...rest]) => {
    const [k] = x ? rest : rest.slice(3);
    const v: Record<string, unknown> = { m, d, x: x === 1, vv, n, ...(k !== undefined ? { k } : {}) };
    if (!x) v.b = { text: rest[0], tags: rest[1], color: rest[2] };
    return v;
  });
  return normaliseEntry(SyncEntrySchema.parse(entry));
}

/** A string's length in JSON, leaving out escapes and multi-byte characters (so never more). */
const strLen = (s: string) => s.length + 2;
const numLen = (n: number) => String(n).length;
const listLen = <T>(xs: T[], len: (x: T) => number) => xs.reduce((sum, x, i) => sum + len(x) + (i ? 1 : 0), 2);
const historyLen = (vv: SyncEntry['versions'][number]['vv']) =>
  listLen(Object.entries(vv), ([k, x]) => strLen(k) + 1 + (typeof x === 'number' ? numLen(x) : listLen(x, numLen)));

/**
 * At most the bytes the entry's items take in the area, counted from the compact record field by
 * field without encoding it, each character as one byte: exact for a note in plain ASCII that fits
 * one item, so the planner passes over the notes that cannot fit what is left without encoding
 * them. Escapes, multi-byte characters and chunks only add.
 */
export function minEncodedBytes(e: SyncEntry): number {
  let n = headKeyLength(e.id) + '{"c":,"v":[]}'.length + numLen(e.created);
  if (e.claimId !== undefined) n += ',"k":'.length + strLen(e.claimId);
  const t = e.target;
  if (t) {
    const q = t.quote;
    n += ',"t":[,,,,,]'.length + strLen(t.source) + (t.url === t.source ? 1 : strLen(t.url)) + strLen(t.title);
    n += strLen(q.exact) + strLen(q.prefix) + strLen(q.suffix);
    if (t.position) n += 2 + numLen(t.position.start) + numLen(t.position.end);
  }
  for (const v of e.versions) {
    n += '[,,0,,]'.length + numLen(v.m) + strLen(v.d) + historyLen(v.vv) + numLen(v.n);
    if (v.k !== undefined) n += 1 + strLen(v.k);
    if (v.b) n += ',,,'.length + strLen(v.b.text) + listLen(v.b.tags, strLen) + strLen(v.b.color);
  }
  return n + e.versions.length - 1;
}

/** The canonical string of an entry: equal notes give equal strings. */
export const entryString = (e: SyncEntry): string => JSON.stringify(toCompact(e));

export { ManifestSchema, splitJson, type Manifest } from './item-format';

/** The notes' format in `storage.sync` (see `ItemFormat`). */
export const NOTE_FORMAT: ItemFormat<SyncEntry> = {
  noun: 'note',
  keys: NOTE_KEYS,
  isId: (id) => NoteIdSchema.safeParse(id).success,
  id: (e) => e.id,
  top: (e) => e.versions[0]!,
  tomb: (e) => e.versions.every((v) => v.x),
  toCompact,
  fromCompact,
  minBytes: minEncodedBytes,
};

/** The items that hold a note: one head item, or a manifest plus chunks. */
export const encodeEntry = (e: SyncEntry, perItem?: number): Record<string, unknown> => encodeItems(NOTE_FORMAT, e, perItem);
