import { z } from 'zod';
import { NoteIdSchema } from '../notes/schema';
import { errorMessage } from '../error-message';
import { fromCompact, ManifestSchema } from './codec';
import { shortHash } from './bytes';
import { chunkKey, parseKey } from './keys';
import type { SyncEntry } from './schema';

/**
 * Reads the notes out of a snapshot of the sync area. Each note is complete (decoded), incomplete
 * (a manifest whose chunks have not all arrived, or do not hash right) or unreadable (with the
 * reason); chunks no manifest points at are listed so they can be cleaned up.
 */

/** What the area holds for one note. */
export type RemoteNote =
  | { kind: 'complete'; entry: SyncEntry; keys: string[] }
  | { kind: 'incomplete'; m: number; d: string; keys: string[] }
  | { kind: 'unreadable'; error: string; keys: string[] };

/** Everything sync found in the area. */
export type AreaSnapshot = { notes: Map<string, RemoteNote>; orphanChunks: string[] };

/**
 * Decodes one note's items from the snapshot `items` (keyed as in the area). Never throws: what
 * cannot be read is `unreadable`, with the reason, and the caller goes on with the other notes.
 */
export function readNote(id: string, head: string, items: Record<string, unknown>): RemoteNote {
  const raw = items[head];
  let owned = [head]; // a chunk set that cannot be read is still this note's, not an orphan
  try {
    if (!NoteIdSchema.safeParse(id).success) throw new Error('its key holds no note id');
    // A head item is a record, or a manifest (named by its hash and count) for a chunked note.
    const isManifest = raw !== null && typeof raw === 'object' && 'h' in raw && 'n' in raw;
    if (!isManifest) return { kind: 'complete', entry: fromCompact(id, raw), keys: [head] };
    const { h, n, m, d } = ManifestSchema.parse(raw);
    const keys = Array.from({ length: n }, (_, i) => chunkKey(id, h, i));
    const pieces = keys.map((k) => items[k]);
    const all = [head, ...keys];
    owned = all.filter((k) => k in items);
    if (pieces.some((p) => typeof p !== 'string')) return { kind: 'incomplete', m, d, keys: all.filter((k) => k in items) };
    const json = pieces.join('');
    if (shortHash(json) !== h) return { kind: 'incomplete', m, d, keys: all };
    return { kind: 'complete', entry: fromCompact(id, JSON.parse(json)), keys: all };
  } catch (err) {
    const issue = err instanceof z.ZodError ? err.issues[0] : undefined;
    const reason = issue ? `${issue.path.join('.') || 'value'}: ${issue.message}` : errorMessage(err);
    return { kind: 'unreadable', error: `synced note ${id.slice(0, 64)} could not be read (${reason})`, keys: owned };
  }
}

/** Decodes every note in `items`, a full `get(null)` of the area. */
export function readArea(items: Record<string, unknown>): AreaSnapshot {
  const notes = new Map<string, RemoteNote>();
  const used = new Set<string>();
  for (const key of Object.keys(items)) {
    const parsed = parseKey(key);
    if (parsed?.kind !== 'head') continue;
    const note = readNote(parsed.id, key, items);
    notes.set(parsed.id, note);
    note.keys.forEach((k) => used.add(k));
  }
  const orphanChunks = Object.keys(items).filter((k) => parseKey(k)?.kind === 'chunk' && !used.has(k));
  return { notes, orphanChunks };
}
