import { resolve } from 'node:path';
import { DEFAULT_ARTICLES, DEFAULT_DATABASE, displayPath, loadDatabaseFile } from './claim-files';
import { parseOptions, UsageError, type CliCommand } from './command';

/**
 * `claims check [--db FILE] [--articles DIR]`: validates the claim database or an extra claim pack and
 * prints a one-line summary; exit code 1 with every problem when it is invalid.
 */
export const checkCommand: CliCommand = {
  usage: 'check [--db FILE] [--articles DIR]',
  summary: 'validate the claim database (or a claim pack): schema, references, quotes against article texts',
  async run(args, io) {
    const { options, positionals } = parseOptions(args, ['db', 'articles']);
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const dbPath = resolve(io.cwd, options.get('db') ?? DEFAULT_DATABASE);
    const articlesDir = resolve(io.cwd, options.get('articles') ?? DEFAULT_ARTICLES);
    const loaded = loadDatabaseFile(dbPath, articlesDir, io.cwd);
    const { database: db, quotesChecked } = loaded;
    const conflicts = db.relations.filter((r) => r.kind === 'conflicts').length;
    const counts =
      `${db.articles.length} articles, ${db.sources.length} sources, ${db.claims.length} claims, ` +
      `${db.assertions.length} assertions, ${db.relations.length} relations ` +
      `(${db.relations.length - conflicts} corroborate, ${conflicts} conflict)`;
    const quotes = `${quotesChecked} of ${db.assertions.length} quotes checked against ${displayPath(articlesDir, io.cwd)}`;
    const missing = loaded.missingTexts;
    const skipped = missing.length
      ? `; quote check skipped for ${missing.length} article(s) without text there (${missing.map((m) => m.id).join(', ')}): pass --articles DIR`
      : '';
    io.out(`ok ${loaded.label}: ${counts}; ${quotes}${skipped}`);
    return 0;
  },
};
