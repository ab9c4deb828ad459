import { readFileSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { buildClaimIndex } from '../matcher/claim-index';
import { readLexicon } from './lexicon-file';
import { matchText } from '../matcher/match';
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

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'SVG', 'IFRAME', 'OBJECT', 'CANVAS']);
const BLOCK = /^(?:P|DIV|H[1-6]|LI|UL|OL|BLOCKQUOTE|SECTION|ARTICLE|HEADER|FOOTER|ASIDE|NAV|MAIN|FIGURE|FIGCAPTION|TABLE|TR|TD|TH|PRE|HR|BR|DT|DD|ADDRESS)$/;

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?(name: string): string | null;
  hasAttribute?(name: string): boolean;
}

function hidden(el: DomNode): boolean {
  if (el.hasAttribute?.('hidden') || el.getAttribute?.('aria-hidden') === 'true') return true;
  if (el.nodeName === 'INPUT') return true;
  const style = (el.getAttribute?.('style') ?? '').replace(/\s+/g, '').toLowerCase();
  return style.includes('display:none') || style.includes('visibility:hidden');
}

/**
 * The text a reader sees: skips script, style, noscript, template, head and hidden elements
 * (hidden attribute, aria-hidden, inline display:none or visibility:hidden). Block elements become
 * blank lines so headlines and paragraphs split into separate sentences; entities are decoded.
 */
export function visibleText(html: string): string {
  const { document } = parseHTML(html.includes('<html') ? html : `<!doctype html><html><body>${html}</body></html>`);
  const parts: string[] = [];
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) {
      parts.push((node.textContent ?? '').replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    if (SKIP.has(node.nodeName.toUpperCase()) || hidden(node)) return;
    const block = BLOCK.test(node.nodeName.toUpperCase());
    if (block) parts.push('\n\n');
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]!);
    if (block) parts.push('\n\n');
  };
  walk((document.body ?? document.documentElement) as unknown as DomNode);
  return parts
    .join('')
    .replace(/[ \t]*\n[ \t]*/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
