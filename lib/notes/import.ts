import { errorMessage } from '../error-message';
import { checkReaderBackup, parseReaderBackup, restoreReaderClaims, type ReaderBackup, type RestoreResult } from '../claims/reader-backup';
import type { ReaderClaimsDb } from '../claims/reader-db';
import type { NotesDb } from './db';
import { READER_CLAIMS_KEY } from './export';
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

/**
 * What an import did: notes added, notes updated by a newer version, items already up to date; and
 * when the file carried the reader's claims, what restoring them did.
 */
export type ImportResult = { added: number; updated: number; unchanged: number; total: number; claims?: RestoreResult };

const MAX_REPORTED = 5;

/** How the one partial import starts its message: the notes were written, then the claims' write failed. */
export const CLAIMS_NOT_RESTORED = 'Your notes were imported, but not your claims';

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

/** The reader's claims a file carries (our own exports since issue 14), checked; null when it has none. */
async function claimsOf(data: unknown, reader: ReaderClaimsDb | undefined): Promise<ReaderBackup | null> {
  if (typeof data !== 'object' || data === null || !(READER_CLAIMS_KEY in data) || !reader) return null;
  try {
    const backup = parseReaderBackup((data as Record<string, unknown>)[READER_CLAIMS_KEY]);
    await checkReaderBackup(reader, backup);
    return backup;
  } catch (e) {
    throw new ImportError(`Nothing was imported. ${errorMessage(e)}`);
  }
}

/**
 * Imports a file (JSON text or parsed JSON) into the database. Copies of a note are merged by id,
 * in the file and against stored notes, as sync merges versions (see import-merge): the newest
 * edit is the note, unresolved versions stay listed beside it, and an id is never stored twice.
 * The reader's claims the file carries are restored into `reader` (see reader-backup). Throws
 * ImportError (and writes nothing) when any item, note or claim, is bad: everything is checked
 * before the first write. (Notes and claims are two databases, so two transactions: only a
 * failing disk between the two could leave the notes written without the claims.)
 */
export async function importNotes(db: NotesDb, file: string | unknown, reader?: ReaderClaimsDb): Promise<ImportResult> {
  let data = file;
  if (typeof file === 'string') {
    try {
      data = JSON.parse(file);
    } catch (e) {
      throw new ImportError(`Not a JSON file: ${(e as Error).message}`);
    }
  }
  const notes = await convertAll(itemsOf(data));
  const claims = await claimsOf(data, reader);
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
  if (claims && reader) {
    try {
      result.claims = await restoreReaderClaims(reader, claims);
    } catch (e) {
      throw new ImportError(`${CLAIMS_NOT_RESTORED}: ${errorMessage(e)}`);
    }
  }
  return result;
}
