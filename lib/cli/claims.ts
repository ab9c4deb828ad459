import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ClaimDatabaseError } from '../claims/database';
import { CliFileError } from './claim-files';
import { UsageError, type CliCommand, type CliIo } from './command';

/**
 * The `claims` command line (`npm run --silent claims -- <command>`, i.e. `tsx lib/cli/claims.ts`):
 * inspect and check the claim database without a browser. Each command is its own module; add one
 * with a single line in {@link COMMANDS}.
 */

/** Command name → loader of its module. Loaded lazily so one command's imports never slow another. */
export const COMMANDS: Record<string, () => Promise<CliCommand>> = {
  check: async () => (await import('./check-command')).checkCommand,
  list: async () => (await import('./list-command')).listCommand,
  match: async () => (await import('./match-command')).matchCommand,
};

/** The help text: every command's usage and summary. */
export async function usage(): Promise<string> {
  const lines = ['Usage: claims <command> [options]', '', 'Commands:'];
  for (const load of Object.values(COMMANDS)) {
    const command = await load();
    lines.push(`  ${command.usage}`, `      ${command.summary}`);
  }
  return lines.join('\n');
}

/**
 * Runs the CLI with `argv` (the arguments after the script) and resolves to the exit code:
 * 0 success, 1 invalid database or unreadable file, 2 bad command line.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...args] = argv;
  if (name === 'help' || name === '--help' || name === '-h') {
    io.out(await usage());
    return 0;
  }
  const load = name === undefined ? undefined : Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    io.err(`${name === undefined ? 'claims: no command given' : `claims: unknown command "${name}"`}\n\n${await usage()}`);
    return 2;
  }
  const command = await load();
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`claims ${name}: ${error.message}\n\nUsage: claims ${command.usage}`);
      return 2;
    }
    if (error instanceof ClaimDatabaseError || error instanceof CliFileError) {
      io.err(`claims ${name}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

function processIo(): CliIo {
  // `claims list | head` closes the pipe early; that is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  return {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    cwd: process.cwd(),
  };
}

// Run only when executed directly, so tests can import `main`.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
