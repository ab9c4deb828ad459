/**
 * The contract between the `claims` CLI and its commands. Each command lives in its own module and
 * is registered with one line in `claims.ts`, so commands can be added without touching each other.
 */

/** Where a command writes; injected so tests can capture output without spawning a process. */
export interface CliIo {
  /** Writes one line (or block) to standard output. */
  out(text: string): void;
  /** Writes one line (or block) to standard error. */
  err(text: string): void;
  /** Directory that relative paths on the command line are resolved against. */
  cwd: string;
}

/** One sub-command of the CLI. */
export interface CliCommand {
  /** One-line usage, e.g. `check [--db FILE] [--articles DIR]`. */
  usage: string;
  /** What the command does, shown in the help text. */
  summary: string;
  /** Runs with the arguments after the command name; resolves to the process exit code. */
  run(args: string[], io: CliIo): Promise<number>;
}

/** Bad command-line input: the CLI prints the message and the usage, and exits with code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Parses `--name value` options; anything else is a positional argument. Unknown options throw. */
export function parseOptions(
  args: readonly string[],
  known: readonly string[],
): { options: Map<string, string>; positionals: string[] } {
  const options = new Map<string, string>();
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (!known.includes(name)) throw new UsageError(`unknown option --${name}`);
    const value = inline ?? args[++i];
    if (value === undefined || value === '') throw new UsageError(`option --${name} needs a value`);
    if (options.has(name)) throw new UsageError(`option --${name} given twice`);
    options.set(name, value);
  }
  return { options, positionals };
}
