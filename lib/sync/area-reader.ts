import { z } from 'zod';
import { errorMessage } from '../error-message';
import { NOTE_FORMAT } from './codec';
import { shortHash } from './bytes';
import { ManifestSchema, type ItemFormat } from './item-format';
import { chunkKeyIn, parseKeyIn } from './keys';
import type { SyncEntry } from './schema';

/**
 * Reads one collection's entries (notes, tracked claims) out of a snapshot of the sync area. Each
 * is complete (decoded), incomplete (a manifest whose chunks have not all arrived, or do not hash
 * right) or unreadable (with the reason); chunks no manifest points at are listed so they can be
 * cleaned up. Other collections' keys are not looked at.
 */

/** What the area holds for one entry. */
export type RemoteItem<E> =
  | { kind: 'complete'; entry: E; keys: string[] }
  | { kind: 'incomplete'; m: number; d: string; keys: string[] }
  | { kind: 'unreadable'; error: string; keys: string[] };

/** What the area holds for one note. */
export type RemoteNote = RemoteItem<SyncEntry>;

/** Everything sync found in the area for one collection. */
export type AreaSnapshot<E = SyncEntry> = { entries: Map<string, RemoteItem<E>>; orphanChunks: string[] };

/**
 * Decodes one entry's items from the snapshot `items` (keyed as in the area). Never throws: what
 * cannot be read is `unreadable`, with the reason, and the caller goes on with the other entries.
 */
export function readItem<E>(format: ItemFormat<E>, id: string, head: string, items: Record<string, unknown>): RemoteItem<E> {
  const raw = items[head];
  let owned = [head]; // a chunk set that cannot be read is still this entry's, not an orphan
  try {
    if (!format.isId(id)) throw new Error(`its key holds no ${format.noun} id`);
    // A head item is a record, or a manifest (named by its hash and count) for a chunked entry.
    const isManifest = raw !== null && typeof raw === 'object' && 'h' in raw && 'n' in raw;
    if (!isManifest) return { kind: 'complete', entry: format.fromCompact(id, raw), keys: [head] };
    const { h, n, m, d } = ManifestSchema.parse(raw);
    const keys = Array.from({ length: n }, (_, i) => chunkKeyIn(format.keys, id, h, i));
    const pieces = keys.map((k) => items[k]);
    const all = [head, ...keys];
    owned = all.filter((k) => k in items);
    if (pieces.some((p) => typeof p !== 'string')) return { kind: 'incomplete', m, d, keys: all.filter((k) => k in items) };
    const json = pieces.join('');
    if (shortHash(json) !== h) return { kind: 'incomplete', m, d, keys: all };
    return { kind: 'complete', entry: format.fromCompact(id, JSON.parse(json)), keys: all };
  } catch (err) {
    const issue = err instanceof z.ZodError ? err.issues[0] : undefined;
    const reason = issue ? `${issue.path.join('.') || 'value'}: ${issue.message}` : errorMessage(err);
    return { kind: 'unreadable', error: `synced ${format.noun} ${id.slice(0, 64)} could not be read (${reason})`, keys: owned };
  }
}

/** Decodes every entry of `format` in `items`, a full `get(null)` of the area. */
export function readAreaOf<E>(format: ItemFormat<E>, items: Record<string, unknown>): AreaSnapshot<E> {
  const entries = new Map<string, RemoteItem<E>>();
  const used = new Set<string>();
  for (const key of Object.keys(items)) {
    const parsed = parseKeyIn(format.keys, key);
    if (parsed?.kind !== 'head') continue;
    const entry = readItem(format, parsed.id, key, items);
    entries.set(parsed.id, entry);
    entry.keys.forEach((k) => used.add(k));
  }
  const orphanChunks = Object.keys(items).filter((k) => parseKeyIn(format.keys, k)?.kind === 'chunk' && !used.has(k));
  return { entries, orphanChunks };
}

/** Decodes one note's items (see `readItem`). */
export const readNote = (id: string, head: string, items: Record<string, unknown>): RemoteNote => readItem(NOTE_FORMAT, id, head, items);

/** Decodes every note in `items`, a full `get(null)` of the area. */
export const readArea = (items: Record<string, unknown>): AreaSnapshot => readAreaOf(NOTE_FORMAT, items);
