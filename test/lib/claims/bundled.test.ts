import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getBundledClaimDatabase } from '@/lib/claims/bundled';
import { DEFAULT_DATABASE } from '@/lib/cli/claim-files';

const CLAIMS_DIR = fileURLToPath(new URL('../../../lib/claims/', import.meta.url));

describe('the bundled claim database', () => {
  it('loads the same database the CLI checks, once', () => {
    const raw = JSON.parse(readFileSync(DEFAULT_DATABASE, 'utf8'));
    const db = getBundledClaimDatabase();
    expect(db.claims.map((c) => c.id)).toEqual(raw.claims.map((c: { id: string }) => c.id));
    expect(getBundledClaimDatabase()).toBe(db);
  });

  it('lives in modules the extension can bundle: no node imports under lib/claims', () => {
    const modules = readdirSync(CLAIMS_DIR).filter((f) => f.endsWith('.ts'));
    expect(modules.length).toBeGreaterThan(3);
    for (const file of modules) {
      const source = readFileSync(CLAIMS_DIR + file, 'utf8');
      expect(source, file).not.toMatch(/from ['"](node:|fs['"]|path['"])/);
    }
  });
});
