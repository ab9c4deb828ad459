import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import config, { trackedFiles } from '../wxt.config';

const root = join(import.meta.dirname, '..');

describe('the sources zip (npm run zip)', () => {
  it('takes the files git tracks, and no file that only lies in the working copy', () => {
    const probe = join(root, 'untracked-probe.tmp');
    writeFileSync(probe, 'a local file');
    try {
      const files = trackedFiles(root);
      expect(files).toContain('package.json');
      expect(files).toContain('lib/dom/page-text.ts');
      expect(files).not.toContain('untracked-probe.tmp');
      expect(files.some((f) => f.startsWith('node_modules/') || f.startsWith('.output/'))).toBe(false);
    } finally {
      rmSync(probe);
    }
    expect((config as { zip?: { includeSources?: string[] } }).zip?.includeSources).toEqual(trackedFiles(root));
  });
});
