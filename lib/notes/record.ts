import { z } from 'zod';
import { NoteSchema, type Note } from './schema';
import { fold, normaliseTags, searchWords } from '../fold';

/**
 * How a note is stored: the note itself plus fields derived from it for the indexes. IndexedDB
 * cannot index a boolean (`deleted`), nor search inside text, so we keep indexable copies; they are
 * recomputed on every write and stripped on every read, so callers only ever see `Note`.
 */
export const NoteRecordSchema = NoteSchema.extend({
  /** The page's host without `www.`, for the site filter. */
  site: z.string(),
  /** 1 for a live note, 0 for a tombstone: an indexable mirror of `deleted`. */
  live: z.union([z.literal(0), z.literal(1)]),
  /** Folded words of quote, note text and tags: the full-text index (multiEntry). */
  words: z.array(z.string()),
  /** Folded tags, for a case- and diacritic-insensitive tag filter (multiEntry). */
  tagKeys: z.array(z.string()),
});
export type NoteRecord = z.infer<typeof NoteRecordSchema>;

/** The site a page belongs to, for filtering: its host, lower-case, without a leading `www.`. */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** Builds the stored record for a note (normalising its tags on the way in). */
export function toRecord(note: Note): NoteRecord {
  const tags = normaliseTags(note.body.tags);
  const words = searchWords([note.target.quote.exact, note.body.text, tags.join(' ')].join(' '));
  return {
    ...note,
    body: { ...note.body, tags },
    site: siteOf(note.target.source),
    live: note.deleted ? 0 : 1,
    words,
    tagKeys: tags.map(fold),
  };
}

/** Strips the derived fields from a stored record, giving back the note. */
export function fromRecord(record: NoteRecord): Note {
  const { site: _site, live: _live, words: _words, tagKeys: _tagKeys, ...note } = record;
  return note;
}
