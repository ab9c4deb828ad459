import { z } from 'zod';
import type { NotesDb } from './db';
import { parseInput } from './errors';
import { fold, searchWords } from '../fold';
import { fromRecord, type NoteRecord } from './record';
import type { Note } from './schema';

/** What the "all notes" view asks for: words to find, and optional tag and site filters. */
export const NoteSearchSchema = z.object({
  /** Free text; every word must start a word of the quote, the note or a tag. */
  text: z.string().max(1000).default(''),
  tag: z.string().trim().min(1).max(40).optional(),
  /** A host as given by `siteOf` (no `www.`). */
  site: z.string().trim().min(1).max(253).optional(),
  limit: z.number().int().positive().optional(),
});
export type NoteSearch = z.input<typeof NoteSearchSchema>;

const SourceSchema = z.url();

const newestFirst = (a: NoteRecord, b: NoteRecord) => b.modified - a.modified;

/** The live notes on one page (by canonical source URL), in reading order (by position). */
export async function listPageNotes(db: NotesDb, source: unknown): Promise<Note[]> {
  const url = parseInput(SourceSchema, source, 'page URL');
  const rows = await db.notes.where('[target.source+live]').equals([url, 1]).toArray();
  const at = (r: NoteRecord) => r.target.position?.start ?? Number.MAX_SAFE_INTEGER;
  return rows.sort((a, b) => at(a) - at(b) || a.created - b.created).map(fromRecord);
}

/** Every live note, newest edit first; with `includeDeleted`, tombstones too (for export, sync). */
export async function listAllNotes(db: NotesDb, opts: { includeDeleted?: boolean } = {}): Promise<Note[]> {
  const rows = opts.includeDeleted
    ? await db.notes.toArray()
    : await db.notes.where('live').equals(1).toArray();
  return rows.sort(newestFirst).map(fromRecord);
}

/** Primary keys of notes having a word that starts with every search term (AND), via `*words`. */
async function idsMatchingAll(db: NotesDb, terms: string[]): Promise<string[]> {
  let ids: Set<string> | undefined;
  for (const term of terms) {
    const keys = await db.notes.where('words').startsWith(term).primaryKeys();
    const next = new Set<string>();
    for (const key of keys) if (!ids || ids.has(key)) next.add(key);
    ids = next;
    if (ids.size === 0) break;
  }
  return [...(ids ?? [])];
}

/**
 * Full-text search over all live notes (quote, note text, tags), case- and diacritic-insensitive,
 * by word prefix, with optional tag and site filters; newest edit first. Uses the `*words` index,
 * so the cost follows the number of hits rather than the number of notes.
 */
export async function searchNotes(db: NotesDb, query: unknown): Promise<Note[]> {
  const q = parseInput(NoteSearchSchema, query, 'note search');
  const terms = searchWords(q.text);
  let rows: (NoteRecord | undefined)[];
  if (terms.length > 0) rows = await db.notes.bulkGet(await idsMatchingAll(db, terms));
  else if (q.site) rows = await db.notes.where('site').equals(q.site).toArray();
  else if (q.tag) rows = await db.notes.where('tagKeys').equals(fold(q.tag)).toArray();
  else rows = await db.notes.where('live').equals(1).toArray();
  const tag = q.tag === undefined ? undefined : fold(q.tag);
  const hits = rows.filter(
    (r): r is NoteRecord =>
      r !== undefined &&
      r.live === 1 &&
      (tag === undefined || r.tagKeys.includes(tag)) &&
      (q.site === undefined || r.site === q.site),
  );
  return hits.sort(newestFirst).slice(0, q.limit).map(fromRecord);
}

/** Whether any live note has this value in this index (stops at the first). */
async function hasLive(db: NotesDb, index: string, value: string): Promise<boolean> {
  return (await db.notes.where(index).equals(value).and((r) => r.live === 1).limit(1).count()) > 0;
}

/** Every tag in use on live notes, each once (case-insensitively), sorted, for the tag filter. */
export async function listTags(db: NotesDb): Promise<string[]> {
  const keys = (await db.notes.orderBy('body.tags').uniqueKeys()) as string[];
  const live = await Promise.all(keys.map((k) => hasLive(db, 'body.tags', k)));
  const tags = new Map<string, string>();
  keys.forEach((k, i) => live[i] && !tags.has(fold(k)) && tags.set(fold(k), k));
  return [...tags.values()].sort((a, b) => a.localeCompare(b));
}

/** Every site with live notes, sorted, for the site filter. */
export async function listSites(db: NotesDb): Promise<string[]> {
  const sites = (await db.notes.orderBy('site').uniqueKeys()) as string[];
  const live = await Promise.all(sites.map((s) => hasLive(db, 'site', s)));
  return sites.filter((s, i) => s !== '' && live[i]);
}
