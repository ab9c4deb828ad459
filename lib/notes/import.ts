import type { NotesDb } from './db';
import { annotationToNote } from './import-convert';
import { mergeImported } from './import-merge';
import { fromRecord, toRecord } from './record';
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

/** What an import did: notes added, notes updated by a newer version, items already up to date. */
export type ImportResult = { added: number; updated: number; unchanged: number; total: number };

const MAX_REPORTED = 5;

/** The annotations in a file: a single annotation, an array, a page, or a collection (items or first.items). */
function itemsOf(data: unknown): unknown[] {
  const file = ImportFileSchema.safeParse(data);
  if (!file.success) {
    throw new ImportError('Not a W3C Web Annotation file: expected an Annotation, an array of them, an AnnotationPage or an AnnotationCollection');
  }
  const f = file.data;
  if (Array.isArray(f)) return f;
  const types = [(f as { type?: unknown }).type].flat();
  // A collection with no `first` holds no annotations (an export of claims without notes).
  if (types.includes('AnnotationCollection') || 'first' in f || ('items' in f && Array.isArray(f.items))) {
    return [...((f.first as { items?: unknown[] } | undefined)?.items ?? []), ...((f.items as unknown[] | undefined) ?? [])];
  }
  return [f];
}

/** Parses and converts every item, collecting errors, so that the reader sees all problems at once. */
async function convertAll(items: unknown[]): Promise<Note[]> {
  const notes: Note[] = [];
  const errors: string[] = [];
  for (const [i, item] of items.entries()) {
    try {
      notes.push(await annotationToNote(item));
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
 * Imports a file (JSON text or parsed JSON) into the database. Copies of a note are merged by id,
 * in the file and against stored notes, as sync merges versions (see import-merge): the newest
 * edit is the note, unresolved versions stay listed beside it, and an id is never stored twice.
 * Throws ImportError (and writes nothing) when any item is bad.
 */
export async function importNotes(db: NotesDb, file: string | unknown): Promise<ImportResult> {
  let data = file;
  if (typeof file === 'string') {
    try {
      data = JSON.parse(file);
    } catch (e) {
      throw new ImportError(`Not a JSON file: ${(e as Error).message}`);
    }
  }
  const notes = await convertAll(itemsOf(data));
  const copies = new Map<string, Note[]>();
  for (const n of notes) copies.set(n.id, [...(copies.get(n.id) ?? []), n]);
  const result: ImportResult = { added: 0, updated: 0, unchanged: 0, total: notes.length };
  await db.transaction('rw', db.notes, async () => {
    const ids = [...copies.keys()];
    const stored = (await db.notes.bulkGet(ids)).map((r) => r && fromRecord(r));
    const writes: Note[] = [];
    ids.forEach((id, i) => {
      // Each copy in the file is merged in turn; one note per id counts as added or updated, the
      // other copies as up to date.
      const group = copies.get(id)!;
      const note = group.reduce<Note | undefined>((acc, copy) => mergeImported(acc, copy) ?? acc, stored[i]);
      if (note === stored[i]) {
        result.unchanged += group.length;
        return;
      }
      writes.push(note!);
      if (stored[i]) result.updated++;
      else result.added++;
      result.unchanged += group.length - 1;
    });
    await db.notes.bulkPut(writes.map(toRecord));
  });
  return result;
}
