import { readFileSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { ARTICLE_TEXT } from '../dom/article-text';
import { readPageText as readDomText } from '../dom/page-text';
import { readLexicon } from './lexicon-file';
import { buildClaimIndex, matchText } from '../matcher';
import { CliFileError, DEFAULT_ARTICLES, DEFAULT_DATABASE, displayPath, loadDatabaseFile } from './claim-files';
import { parseOptions, UsageError, type CliCommand } from './command';

/**
 * `claims match FILE [--db FILE]`: finds the database's claims in a .txt or .html file and prints the
 * matches as a JSON array (offsets into the file's text; for HTML, into its visible text).
 */
export const matchCommand: CliCommand = {
  usage: 'match FILE [--db FILE]',
  summary: 'print the claims found in a .txt or .html file as a JSON array of matches',
  async run(args, io) {
    const { options, positionals } = parseOptions(args, ['db']);
    if (positionals.length !== 1) throw new UsageError(positionals.length ? `one file only, got ${positionals.length}` : 'no file given');
    const path = resolve(io.cwd, positionals[0]!);
    const text = readPageText(path, io.cwd);
    const dbPath = resolve(io.cwd, options.get('db') ?? DEFAULT_DATABASE);
    const { database } = loadDatabaseFile(dbPath, DEFAULT_ARTICLES, io.cwd);
    io.out(JSON.stringify(matchText(buildClaimIndex(database, readLexicon()), text), null, 2));
    return 0;
  },
};

/** Reads a .txt file as is, or an .html/.htm file as its visible text; names the file and the reason on failure. */
export function readPageText(path: string, cwd: string): string {
  const shown = displayPath(path, cwd);
  const kind = extname(path).toLowerCase();
  if (!['.txt', '.html', '.htm'].includes(kind)) throw new CliFileError(`${shown}: expected a .txt or .html file`);
  let raw: string;
  try {
    if (statSync(path).isDirectory()) throw new CliFileError(`cannot read ${shown}: is a directory`);
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof CliFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliFileError(`cannot read ${shown}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(error)}`);
  }
  return kind === '.txt' ? raw : visibleText(raw);
}

/**
 * The text a reader sees, read by the same rules as the content script's (lib/dom/page-text.ts):
 * the article's blocks (no navigation, related links or footers), white space collapsed as CSS
 * does, hidden elements and scripts left out, entities decoded.
 */
export function visibleText(html: string): string {
  const { document } = parseHTML(html.includes('<html') ? html : `<!doctype html><html><body>${html}</body></html>`);
  const root = (document.body ?? document.documentElement) as unknown as Element;
  return readDomText(root, ARTICLE_TEXT).text;
}
