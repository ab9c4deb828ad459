import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { decodeLexicon, Lexicon } from '../matcher';

/** The lexicon the extension ships (public/matcher/lexicon.bin), read from disk for the command line, tests and tools. */
export const LEXICON_FILE = resolve(import.meta.dirname, '../../public/matcher/lexicon.bin');

let cached: Lexicon | undefined;

/** Reads and decodes the shipped lexicon once per process. */
export function readLexicon(): Lexicon {
  cached ??= new Lexicon(decodeLexicon(new Uint8Array(readFileSync(LEXICON_FILE))));
  return cached;
}
