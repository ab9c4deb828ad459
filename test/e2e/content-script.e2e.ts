import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CHROME_BUILD, FIREFOX_BUILD } from '../support/browsers';

/**
 * The script injected into every page, as built (run after `npm run build` and `build:firefox`):
 * small, without zod (the background validates what it receives; the UI part, loaded on demand,
 * validates what the page is sent), and without WXT's content-script runtime, which signals pages.
 */
describe.each([
  ['Chromium', CHROME_BUILD],
  ['Firefox', FIREFOX_BUILD],
])('%s build: the first part of the content script', (_name, build) => {
  const first = readFileSync(join(build, 'content-start.js'), 'utf8');
  const manifest = JSON.parse(readFileSync(join(build, 'manifest.json'), 'utf8')) as { content_scripts: { js: string[] }[] };

  it('is the only script the manifest injects into pages', () => {
    expect(manifest.content_scripts.flatMap((c) => c.js)).toEqual(['content-start.js']);
  });

  it('is small, and holds no zod and no WXT content-script runtime', () => {
    expect(gzipSync(first).length).toBeLessThan(10 * 1024);
    expect(first).not.toMatch(/_zod|ZodError|safeParse/);
    expect(first).not.toMatch(/content-script-started|wxt:locationchange/);
    // The UI part does carry zod: it is what the first part leaves out.
    expect(readFileSync(join(build, 'content-ui.js'), 'utf8')).toMatch(/_zod/);
  });
});
