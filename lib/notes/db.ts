import { Dexie, type EntityTable } from 'dexie';
import { toRecord, type NoteRecord } from './record';
import { NoteSchema } from './schema';

/**
 * The notes database. It lives in the extension's own origin (background or extension pages):
 * a content script must never open it, because there `indexedDB` is the website's.
 */
export type NotesDb = Dexie & { notes: EntityTable<NoteRecord, 'id'> };

/** The newest schema version; `openNotesDb(name, n)` with a smaller n opens an older shape. */
export const NOTES_DB_VERSION = 2;

/**
 * Opens (creating or upgrading as needed) the notes database. `upTo` declares only the versions up
 * to that number: the app always uses the default; upgrade tests use it to write an older database.
 */
export function openNotesDb(name = 'crosscheck', upTo = NOTES_DB_VERSION): NotesDb {
  const db = new Dexie(name) as NotesDb;
  // Version 1 (shipped first): the note as-is. Its `deleted` index never worked, because
  // IndexedDB skips boolean keys, and search had to scan every note.
  db.version(1).stores({ notes: 'id, target.source, modified, *body.tags, deleted' });
  if (upTo >= 2) {
    // Version 2: indexable `live` (0/1) instead of `deleted`, `site` for the site filter,
    // `*words` for full-text search, `*tagKeys` (folded tags) for the tag filter, and tags
    // normalised (trimmed, case-duplicates merged).
    db.version(2)
      .stores({
        notes: 'id, target.source, modified, *body.tags, site, live, *words, *tagKeys, [target.source+live]',
      })
      .upgrade((tx) =>
        tx
          .table('notes')
          .toCollection()
          .modify((row: Record<string, unknown>) => {
            const parsed = NoteSchema.safeParse(row);
            // A row that no longer parses is kept as it is (never drop a note), just made
            // findable as live or not; the reader can still see, export and fix it.
            Object.assign(
              row,
              parsed.success
                ? toRecord(parsed.data)
                : { live: row.deleted === true ? 0 : 1, site: '', words: [], tagKeys: [] },
            );
          }),
      );
  }
  return db;
}

let pageDb: NotesDb | undefined;

/**
 * The notes database of this extension page (popup, options, panel): one connection, shared by
 * every component that reads notes, rather than one per component.
 */
export function pageNotesDb(): NotesDb {
  pageDb ??= openNotesDb();
  return pageDb;
}
