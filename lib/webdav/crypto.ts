/**
 * End-to-end encryption of what Crosscheck stores on a WebDAV server, with WebCrypto only. The
 * reader's passphrase is stretched with PBKDF2-HMAC-SHA-256 (600,000 iterations, OWASP's figure
 * for this hash in 2023) and the library's own random salt into an AES-256-GCM key. Each object
 * is sealed with a fresh 96-bit IV and, as additional data, its own name: the server cannot
 * swap one note's file for another's, nor pass the index off as a note, without the key.
 */

/** Iterations this version uses for a new library. */
export const PBKDF2_ITERATIONS = 600_000;
/**
 * What a library header may ask for. Fewer would let a hostile server weaken the key this device
 * derives (and then encrypts with); more than ten million would stall the device for minutes.
 */
export const MIN_ITERATIONS = 600_000;
export const MAX_ITERATIONS = 10_000_000;
/** Bytes of salt for a new library. */
export const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The decryption failed: wrong key, or the bytes were changed (GCM authenticates both). */
export class DecryptError extends Error {
  constructor(what: string) {
    super(`${what} could not be decrypted (another passphrase, or the file was changed)`);
    this.name = 'DecryptError';
  }
}

const utf8 = new TextEncoder();
const toBuffer = (bytes: Uint8Array): ArrayBuffer => bytes.slice().buffer;

/** Random bytes from the platform's CSPRNG. */
export const randomBytes = (n: number): Uint8Array => crypto.getRandomValues(new Uint8Array(n));

/** Derives the library key from a passphrase and the library's salt (slow on purpose). */
export async function deriveKeyBytes(passphrase: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const base = await crypto.subtle.importKey('raw', toBuffer(utf8.encode(passphrase.normalize('NFC'))), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: toBuffer(salt), iterations }, base, 256);
  return new Uint8Array(bits);
}

/** An AES-GCM key (non-extractable) from derived key bytes. */
export function importKey(bytes: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', toBuffer(bytes), 'AES-GCM', false, ['encrypt', 'decrypt']);
}

/** Seals `plain` under `key`, bound to `name`: IV, then ciphertext and tag. */
export async function seal(key: CryptoKey, name: string, plain: Uint8Array): Promise<Uint8Array> {
  const iv = randomBytes(IV_BYTES);
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv: toBuffer(iv), additionalData: toBuffer(utf8.encode(name)) }, key, toBuffer(plain));
  const out = new Uint8Array(IV_BYTES + sealed.byteLength);
  out.set(iv);
  out.set(new Uint8Array(sealed), IV_BYTES);
  return out;
}

/** Opens what `seal` made for `name`; throws `DecryptError` on a wrong key or changed bytes. */
export async function open(key: CryptoKey, name: string, bytes: Uint8Array): Promise<Uint8Array> {
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new DecryptError(name);
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: toBuffer(bytes.subarray(0, IV_BYTES)), additionalData: toBuffer(utf8.encode(name)) },
      key,
      toBuffer(bytes.subarray(IV_BYTES)),
    );
    return new Uint8Array(plain);
  } catch {
    throw new DecryptError(name);
  }
}

/** Base64 of bytes (for the header's salt and check, and keys kept in `storage.local`). */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

/** Bytes of a base64 string; throws on anything else. */
export function fromBase64(s: string): Uint8Array {
  const raw = atob(s);
  return Uint8Array.from(raw, (c) => c.charCodeAt(0));
}
