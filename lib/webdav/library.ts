import { z } from 'zod';
import type { DavClient } from './client';
import { deriveKeyBytes, fromBase64, importKey, open, PBKDF2_ITERATIONS, randomBytes, SALT_BYTES, seal, toBase64 } from './crypto';
import { HEADER_NAME, HeaderSchema, MAX_HEADER_BYTES, NOTES_DIR, ObjectCodec, type Header } from './layout';
import { DavError } from './problems';

/**
 * Setting up and opening a library. Setup, in the options page, reads the folder's header or
 * creates one, derives the key from the passphrase and checks it against the header's key check:
 * a wrong passphrase is refused before anything is read or written. What this device keeps is
 * the library's id, salt and derived key, never the passphrase. Every sync then opens the
 * library by checking that the folder still holds the same one.
 */

/** What this device keeps about its library (with the account, in `storage.local`). */
export const SavedLibrarySchema = z.object({
  id: z.uuid(),
  /** The derived AES key, base64; null for a library without encryption. */
  key: z.string().max(64).nullable(),
  salt: z.string().max(64).nullable(),
});
export type SavedLibrary = z.infer<typeof SavedLibrarySchema>;

/** The passphrase does not open this library. */
export class WrongPassphraseError extends Error {
  constructor() {
    super('Wrong passphrase: the notes in this folder were encrypted with another one. Nothing was read or written.');
    this.name = 'WrongPassphraseError';
  }
}

/** The folder holds something other than what this device expects; nothing was written. */
export class LibraryMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LibraryMismatchError';
  }
}

const CHECK_TEXT = 'crosscheck key check';
const checkName = (library: string) => `check:${library}`;

/** Reads and validates the header; null when the folder has none yet. */
export async function readHeader(client: DavClient): Promise<Header | null> {
  const got = await client.get(HEADER_NAME, MAX_HEADER_BYTES);
  if (got.status === 404) return null;
  if (got.status !== 200) throw new DavError('unexpected', `${HEADER_NAME}: HTTP ${got.status}`);
  const parsed = HeaderSchema.safeParse(safeJson(got.body));
  if (!parsed.success) throw new LibraryMismatchError(`The folder holds a ${HEADER_NAME} that Crosscheck cannot read (made by a newer version?). Nothing was written; choose another folder.`);
  return parsed.data;
}

function safeJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
}

/** Whether `keyBytes` opens the header's key check. */
async function keyOpens(header: Header, keyBytes: Uint8Array): Promise<boolean> {
  const enc = header.encryption!;
  try {
    const plain = await open(await importKey(keyBytes), checkName(header.library), fromBase64(enc.check));
    return new TextDecoder().decode(plain) === CHECK_TEXT;
  } catch {
    return false;
  }
}

/**
 * Sets up this device on the folder: joins the library there, or creates one (encrypted when
 * `passphrase` is given). Throws `WrongPassphraseError` or `LibraryMismatchError` having written
 * nothing; a folder that does not exist is the client's 404 or 409.
 */
export async function setupLibrary(client: DavClient, passphrase: string | null): Promise<SavedLibrary> {
  let header = await readHeader(client);
  if (!header) {
    const created = await newHeader(passphrase);
    try {
      await client.put(HEADER_NAME, new TextEncoder().encode(JSON.stringify(created.header)), 'application/json', { ifNoneMatch: '*' });
      await client.mkcol(NOTES_DIR);
      return created.saved;
    } catch (err) {
      // Another device created the library meanwhile: join that one instead.
      if (!(err instanceof DavError && err.problem === 'precondition')) throw err;
      header = await readHeader(client);
      if (!header) throw err;
    }
  }
  const saved = await joinLibrary(header, passphrase);
  await client.mkcol(NOTES_DIR);
  return saved;
}

async function newHeader(passphrase: string | null): Promise<{ header: Header; saved: SavedLibrary }> {
  const id = crypto.randomUUID();
  if (passphrase === null) return { header: { format: 'crosscheck-notes', version: 1, library: id, encryption: null }, saved: { id, key: null, salt: null } };
  const salt = randomBytes(SALT_BYTES);
  const keyBytes = await deriveKeyBytes(passphrase, salt, PBKDF2_ITERATIONS);
  const check = await seal(await importKey(keyBytes), checkName(id), new TextEncoder().encode(CHECK_TEXT));
  const encryption = { cipher: 'AES-256-GCM', kdf: 'PBKDF2-SHA-256', iterations: PBKDF2_ITERATIONS, salt: toBase64(salt), check: toBase64(check) } as const;
  return {
    header: { format: 'crosscheck-notes', version: 1, library: id, encryption },
    saved: { id, key: toBase64(keyBytes), salt: encryption.salt },
  };
}

async function joinLibrary(header: Header, passphrase: string | null): Promise<SavedLibrary> {
  if (!header.encryption) {
    if (passphrase !== null) throw new LibraryMismatchError('This folder holds notes without encryption, and this device is set to encrypt. Nothing was written: turn encryption off to join it, or choose another folder.');
    return { id: header.library, key: null, salt: null };
  }
  if (passphrase === null) throw new LibraryMismatchError('This folder holds encrypted notes: enter their passphrase to join it. Nothing was written.');
  const keyBytes = await deriveKeyBytes(passphrase, fromBase64(header.encryption.salt), header.encryption.iterations);
  if (!(await keyOpens(header, keyBytes))) throw new WrongPassphraseError();
  return { id: header.library, key: toBase64(keyBytes), salt: header.encryption.salt };
}

/**
 * Opens the library this device set up: checks the folder still holds it (same id, same salt, and
 * this device's key opens its check) and returns the codec for its objects. Throws, having
 * written nothing, when the folder holds another library or none.
 */
export async function openLibrary(client: DavClient, saved: SavedLibrary): Promise<ObjectCodec> {
  const header = await readHeader(client);
  if (!header) throw new LibraryMismatchError('The folder no longer holds your Crosscheck library. Nothing was written: set WebDAV sync up again.');
  if (header.library !== saved.id) throw new LibraryMismatchError('The folder now holds another Crosscheck library. Nothing was written: set WebDAV sync up again to join it.');
  if ((header.encryption === null) !== (saved.key === null) || (header.encryption && header.encryption.salt !== saved.salt)) {
    throw new LibraryMismatchError('The library’s encryption settings changed on the server. Nothing was written: set WebDAV sync up again.');
  }
  if (saved.key === null) return new ObjectCodec(null);
  const keyBytes = fromBase64(saved.key);
  if (!(await keyOpens(header, keyBytes))) throw new WrongPassphraseError();
  return new ObjectCodec(await importKey(keyBytes));
}
