import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// The page source is read in the content script, which is injected into every page: it must stay
// small and bring no zod (the receiver validates). Bundled here as the extension's build would.
describe('page-source in the content script', () => {
  it('bundles without zod or any other package, in a few kilobytes', async () => {
    const result = await build({
      entryPoints: ['lib/claims/page-source.ts', 'lib/claims/page-jsonld.ts'],
      bundle: true,
      write: false,
      outdir: 'out',
      format: 'esm',
      minify: true,
      metafile: true,
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((path) => path.includes('node_modules'))).toEqual([]);
    const gzipped = result.outputFiles.reduce((sum, file) => sum + gzipSync(file.contents).length, 0);
    expect(gzipped).toBeLessThan(5_000);
  });
});
