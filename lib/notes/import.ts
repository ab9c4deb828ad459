import type { NotesDb } from './db';
import { annotationToNote } from './import-convert';
import { toRecord } from './record';
import type { Note } from './schema';
import { ImportFileSchema } from './web-annotation';

/**
 * Import of W3C Web Annotations: our own exports, and other tools' annotations that have a
 * TextQuoteSelector. All or nothing: if any item is bad, nothing is written and the error names it.
 */

/** Thrown when a file cannot be imported; the message names every bad item (up to five) and why. */
export class ImportError extends Error {
  override name = 'ImportError';
}

/** What an import did: notes added, notes replaced by a newer version, items already up to date. */
export type ImportResult = { added: number; updated: number; unchanged: number; total: number };

/** Where import gets "now" (for annotations without dates) and the device id for other tools' notes. */
export type ImportContext = { now: () => number; deviceId: string };

const MAX_REPORTED = 5;

/** The annotations in a file: a single annotation, an array, a page, or a collection (items or first.items). */
function itemsOf(data: unknown): unknown[] {
  const file = ImportFileSchema.safeParse(data);
  if (!file.success) {
    throw new ImportError('Not a W3C Web Annotation file: expected an Annotation, an array of them, an AnnotationPage or an AnnotationCollection');
  }
  const f = file.data;
  if (Array.isArray(f)) return f;
  if ('first' in f || ('items' in f && Array.isArray(f.items))) {
    return [...((f.first as { items?: unknown[] } | undefined)?.items ?? []), ...((f.items as unknown[] | undefined) ?? [])];
  }
  return [f];
}

/** Parses and converts every item, collecting errors, so that the reader sees all problems at once. */
async function convertAll(items: unknown[], ctx: ImportContext): Promise<Note[]> {
  const notes: Note[] = [];
  const errors: string[] = [];
  const now = ctx.now();
  for (const [i, item] of items.entries()) {
    try {
      notes.push(await annotationToNote(item, now, ctx.deviceId));
    } catch (e) {
      const id = (item as { id?: unknown } | null)?.id;
      errors.push(`item ${i + 1}${typeof id === 'string' ? ` (${id})` : ''}: ${(e as Error).message}`);
    }
  }
  if (errors.length > 0) {
    const more = errors.length > MAX_REPORTED ? ` …and ${errors.length - MAX_REPORTED} more` : '';
    throw new ImportError(`Nothing was imported. ${errors.slice(0, MAX_REPORTED).join('; ')}${more}`);
  }
  return notes;
}

/**
 * Imports a file (JSON text or parsed JSON) into the database. Duplicates are merged by id, in the
 * file and against stored notes: the newer `modified` wins, and an id is never stored twice. Throws
 * ImportError (and writes nothing) when any item is bad.
 */
export async function importNotes(db: NotesDb, file: string | unknown, ctx: ImportContext): Promise<ImportResult> {
  let data = file;
  if (typeof file === 'string') {
    try {
      data = JSON.parse(file);
    } catch (e) {
      throw new ImportError(`Not a JSON file: ${(e as Error).message}`);
    }
  }
  const notes = await convertAll(itemsOf(data), ctx);
  const newest = new Map<string, Note>();
  for (const n of notes) if ((newest.get(n.id)?.modified ?? -Infinity) < n.modified) newest.set(n.id, n);
  const result: ImportResult = { added: 0, updated: 0, unchanged: 0, total: notes.length };
  result.unchanged = notes.length - newest.size; // older copies within the file itself
  await db.transaction('rw', db.notes, async () => {
    const stored = await db.notes.bulkGet([...newest.keys()]);
    const writes = [...newest.values()].filter((n, i) => {
      const old = stored[i];
      if (!old) return ++result.added;
      if (old.modified < n.modified) return ++result.updated;
      result.unchanged++;
      return false;
    });
    await db.notes.bulkPut(writes.map(toRecord));
  });
  return result;
}
