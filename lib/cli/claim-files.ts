import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateClaimDatabase, type ValidatedClaimDatabase } from '../claims/database';

/**
 * The one place where the CLI touches the file system for claims: the database file and the article
 * texts its quotes are checked against. `lib/claims` stays free of node modules because the extension
 * bundles it.
 */

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The bundled claim database. */
export const DEFAULT_DATABASE = join(REPO_ROOT, 'lib/claims/database.json');
/** The project's own copy of the source articles, listed in its `articles.json`. */
export const DEFAULT_ARTICLES = join(REPO_ROOT, 'test/fixtures/articles');

/** A file that cannot be read or parsed; the message names the file and the reason. */
export class CliFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliFileError';
  }
}

/** Shows a path relative to `cwd` when it is inside it, so messages stay short and copyable. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
}

/** Reads and parses a JSON file, or throws {@link CliFileError} saying which file and why. */
export function readJsonFile(path: string, cwd: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(error);
    throw new CliFileError(`cannot read ${displayPath(path, cwd)}: ${reason}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliFileError(`${displayPath(path, cwd)} is not valid JSON: ${(error as Error).message}`);
  }
}

/** An article whose text could not be found, so its quotes go unchecked. */
export interface MissingArticleText {
  id: string;
  file: string;
  reason: string;
}

/**
 * Reads the texts of `articles` from `dir`, where `articles.json` lists the available files by `file`.
 * Articles not found there are reported, not fatal: an extra claim pack may cite articles we lack.
 */
export function readArticleTexts(
  dir: string,
  articles: readonly { id: string; file: string }[],
  cwd: string,
): { texts: Map<string, string>; missing: MissingArticleText[] } {
  const texts = new Map<string, string>();
  const missing: MissingArticleText[] = [];
  const shownDir = displayPath(dir, cwd);
  let listed: Set<string> | undefined;
  try {
    const index = JSON.parse(readFileSync(join(dir, 'articles.json'), 'utf8')) as unknown;
    if (Array.isArray(index)) listed = new Set(index.map((entry) => (entry as { file?: unknown })?.file).filter((f) => typeof f === 'string'));
  } catch {
    listed = undefined;
  }
  for (const { id, file } of articles) {
    if (!listed) missing.push({ id, file, reason: `no readable articles.json in ${shownDir}` });
    else if (!listed.has(file)) missing.push({ id, file, reason: `${file} is not listed in ${shownDir}/articles.json` });
    else {
      try {
        texts.set(id, readFileSync(join(dir, file), 'utf8'));
      } catch {
        missing.push({ id, file, reason: `${file} is listed but missing from ${shownDir}` });
      }
    }
  }
  return { texts, missing };
}

/** A validated database file plus the articles whose quotes could not be checked. */
export interface LoadedDatabaseFile extends ValidatedClaimDatabase {
  label: string;
  missingTexts: MissingArticleText[];
}

/**
 * Reads a claim database (or claim pack) file and validates it, checking quotes against the article
 * texts in `articlesDir`. Throws {@link CliFileError} or `ClaimDatabaseError` with a clear message.
 */
export function loadDatabaseFile(dbPath: string, articlesDir: string, cwd: string): LoadedDatabaseFile {
  const label = displayPath(dbPath, cwd);
  const json = readJsonFile(dbPath, cwd);
  const { texts, missing } = readArticleTexts(articlesDir, articleRefs(json), cwd);
  return { ...validateClaimDatabase(json, { articleTexts: texts, label }), label, missingTexts: missing };
}

/** The articles' ids and files, read leniently: the schema check reports anything malformed. */
function articleRefs(json: unknown): { id: string; file: string }[] {
  const articles = (json as { articles?: unknown } | null)?.articles;
  if (!Array.isArray(articles)) return [];
  return articles.flatMap((a) => {
    const { id, file } = (a ?? {}) as { id?: unknown; file?: unknown };
    return typeof id === 'string' && typeof file === 'string' ? [{ id, file }] : [];
  });
}
