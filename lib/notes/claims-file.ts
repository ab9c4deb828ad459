import { errorMessage } from '../error-message';
import {
  backupReaderClaims,
  checkReaderBackup,
  parseReaderBackup,
  restoreReaderClaims,
  type ReaderBackup,
  type RestoreResult,
} from '../claims/reader-backup';
import type { ReaderClaimsDb } from '../claims/reader-db';
import { ImportError, type ImportResult } from './import';

/**
 * The reader's claims in the notes' export file: the collection carries the store's live tracked
 * claims, sightings, fact-checks and packs under a term of our own (declared as opaque JSON, so
 * other tools read the annotations alone), and importing the file restores them. This runs in the
 * options page, beside the notes' export and import in the background, because the claims do not
 * fit a message: 100,000 of them are some 70 million characters of JSON, and Chromium carries at
 * most 64 MiB from one context to another.
 */

/** Where the collection carries the reader's claims. */
export const READER_CLAIMS_KEY = 'crosscheckClaims';
const CLAIMS_TERM = { [READER_CLAIMS_KEY]: { '@id': 'urn:crosscheck:claims', '@type': '@json' } };

/** How the one partial import starts its message: the notes were written, then the claims' write failed. */
export const CLAIMS_NOT_RESTORED = 'Your notes were imported, but not your claims';

const size = (b: ReaderBackup) => b.claims.length + b.sightings.length + b.factChecks.length + b.packs.length;

/**
 * The notes' JSON export (an AnnotationCollection's text) with the reader's live claims in it, and
 * how many items they are; the text as it was when the store holds none.
 */
export async function exportWithClaims(notesJson: string, reader: ReaderClaimsDb): Promise<{ text: string; claims: number }> {
  const backup = await backupReaderClaims(reader);
  const claims = size(backup);
  if (claims === 0) return { text: notesJson, claims };
  const collection = JSON.parse(notesJson) as Record<string, unknown>;
  const context = [collection['@context'], CLAIMS_TERM].flat();
  return { text: JSON.stringify({ ...collection, '@context': context, [READER_CLAIMS_KEY]: backup }, null, 2), claims };
}

/**
 * Imports the notes' export file with the claims it carries, all or nothing: the claims are read
 * and checked first, then the notes imported by `importNotes` (the background's own import, which
 * refuses a bad file whole), then the claims restored, merged by id (see reader-backup). A file
 * without claims is the notes' import alone. Notes and claims are two databases, so two
 * transactions: only a disk failing between the two could leave the notes without the claims, and
 * the error says so (CLAIMS_NOT_RESTORED).
 */
export async function importWithClaims(
  text: string,
  reader: ReaderClaimsDb,
  importNotes: (notesJson: string) => Promise<ImportResult>,
): Promise<ImportResult & { claims?: RestoreResult }> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ImportError(`Not a JSON file: ${errorMessage(e)}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data) || !(READER_CLAIMS_KEY in data)) return importNotes(text);
  const { [READER_CLAIMS_KEY]: carried, ...notes } = data as Record<string, unknown>;
  let backup: ReaderBackup;
  try {
    backup = parseReaderBackup(carried);
    await checkReaderBackup(reader, backup);
  } catch (e) {
    throw new ImportError(`Nothing was imported. ${errorMessage(e)}`);
  }
  const result = await importNotes(JSON.stringify(notes));
  try {
    return { ...result, claims: await restoreReaderClaims(reader, backup) };
  } catch (e) {
    throw new ImportError(`${CLAIMS_NOT_RESTORED}: ${errorMessage(e)}`);
  }
}
