import { resolve } from 'node:path';
import { resolveClaimDatabase } from '../claims/resolve';
import { DEFAULT_ARTICLES, DEFAULT_DATABASE, loadDatabaseFile } from './claim-files';
import { parseOptions, UsageError, type CliCommand } from './command';

/**
 * `claims list [--db FILE] [--articles DIR]`: prints the whole database as JSON, each claim with its
 * assertions, sources and relations resolved, after validating it (an invalid database prints nothing).
 */
export const listCommand: CliCommand = {
  usage: 'list [--db FILE] [--articles DIR]',
  summary: 'print the validated database as JSON, with assertions, sources and relations resolved',
  async run(args, io) {
    const { options, positionals } = parseOptions(args, ['db', 'articles']);
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const dbPath = resolve(io.cwd, options.get('db') ?? DEFAULT_DATABASE);
    const articlesDir = resolve(io.cwd, options.get('articles') ?? DEFAULT_ARTICLES);
    const { database } = loadDatabaseFile(dbPath, articlesDir, io.cwd);
    io.out(JSON.stringify(resolveClaimDatabase(database), null, 2));
    return 0;
  },
};
