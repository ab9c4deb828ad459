import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ResolvedClaimDatabaseSchema } from '@/lib/claims/resolve';
import { DEFAULT_DATABASE } from '@/lib/cli/claim-files';
import { COMMANDS, main } from '@/lib/cli/claims';
import { BRIDGE_ARTICLES, BRIDGE_PACK, PACKS } from '../claims/claim-fixtures';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** Runs the CLI in-process with captured output. */
async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: process.cwd() });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const real = JSON.parse(readFileSync(DEFAULT_DATABASE, 'utf8'));

describe('claims check', () => {
  it('passes the real database with a one-line summary of what it checked', async () => {
    const { code, out, err } = await run('check');
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out.split('\n')).toHaveLength(1);
    expect(out).toContain(`${real.claims.length} claims, ${real.assertions.length} assertions, ${real.relations.length} relations`);
    expect(out).toContain(`${real.assertions.length} of ${real.assertions.length} quotes checked`);
  });

  it('checks an extra claim pack, saying the quote check was skipped when its articles are elsewhere', async () => {
    const { code, out } = await run('check', '--db', BRIDGE_PACK);
    expect(code).toBe(0);
    expect(out).toContain('0 of 3 quotes checked');
    expect(out).toContain('quote check skipped for 2 article(s) without text there (ledger-bridge-closed, gazette-bridge-closed)');
  });

  it('checks a pack’s quotes against --articles DIR', async () => {
    const { code, out } = await run('check', `--db=${BRIDGE_PACK}`, '--articles', BRIDGE_ARTICLES);
    expect(code).toBe(0);
    expect(out).toContain('3 of 3 quotes checked');
    expect(out).not.toContain('skipped');
  });

  it('fails a pack with a dangling reference, naming entry and field', async () => {
    const { code, out, err } = await run('check', '--db', join(PACKS, 'bad-reference.json'));
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toContain('assertions[1] (id "bridge-shut-tuesday-gazette").claimId: no claim "bridge-reopened"');
  });

  it('fails a pack that breaks the schema, naming entry and field', async () => {
    const { code, err } = await run('check', '--db', join(PACKS, 'bad-schema.json'));
    expect(code).toBe(1);
    expect(err).toContain('claims[2] (id "bridge-closed-until-safe").type');
  });

  it('fails on a missing file or a file that is not JSON', async () => {
    const missing = await run('check', '--db', join(PACKS, 'no-such-pack.json'));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/cannot read .*no-such-pack\.json: no such file/);
    const broken = await run('check', '--db', join(PACKS, 'not-json.json'));
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(/not-json\.json is not valid JSON/);
  });

  it('rejects unknown options and stray arguments with the usage', async () => {
    for (const argv of [['check', '--dbx', 'a'], ['check', 'extra'], ['check', '--db']]) {
      const { code, err } = await run(...argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(err).toContain('Usage: claims check [--db FILE] [--articles DIR]');
    }
  });
});

describe('claims list', () => {
  it('prints the whole resolved database as JSON', async () => {
    const { code, out } = await run('list');
    expect(code).toBe(0);
    const view = ResolvedClaimDatabaseSchema.parse(JSON.parse(out));
    expect(view.claims).toHaveLength(real.claims.length);
    expect(view.sources).toHaveLength(real.sources.length);
    const bombers = view.claims.find((c) => c.id === 'nuclear-capable-bombers-in-december')!;
    expect(bombers.conflicts[0]?.claim.id).toBe('tu160-bombers-in-january');
  });

  it('prints nothing to stdout for an invalid database', async () => {
    const { code, out, err } = await run('list', '--db', join(PACKS, 'bad-reference.json'));
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toContain('no claim "bridge-reopened"');
  });
});

describe('the command table', () => {
  it('prints help listing every registered command', async () => {
    const { code, out } = await run('help');
    expect(code).toBe(0);
    for (const name of Object.keys(COMMANDS)) expect(out).toContain(`\n  ${name} `);
  });

  it('rejects an unknown or missing command with the usage', async () => {
    const unknown = await run('lsit');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown command "lsit"');
    expect(unknown.err).toContain('Usage: claims <command>');
    const none = await run();
    expect(none.code).toBe(2);
    expect(none.err).toContain('no command given');
    expect((await run('constructor')).code).toBe(2);
  });
});

describe('as a process (npx tsx lib/cli/claims.ts)', () => {
  const exec = promisify(execFile);
  const tsx = (...args: string[]) => exec('npx', ['tsx', 'lib/cli/claims.ts', ...args], { cwd: ROOT });

  it('exits 0 for the real database and non-zero for a bad pack', async () => {
    const ok = await tsx('check');
    expect(ok.stdout).toMatch(/^ok lib\/claims\/database\.json: /);
    const bad = await tsx('check', '--db', 'test/fixtures/claim-packs/bad-reference.json').catch((e: { code: number; stderr: string }) => e);
    expect(bad).toMatchObject({ code: 1 });
    expect((bad as { stderr: string }).stderr).toContain('no claim "bridge-reopened"');
  }, 30_000);
});
