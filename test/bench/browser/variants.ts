/**
 * The three browsers a page-cost benchmark compares, side by side: Chromium with no extension, with
 * an empty extension that does nothing (what any extension with a content script costs), and with
 * Crosscheck's build. Each is a persistent context in its own throw-away profile.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { CHROME_BUILD, CHROMIUM_PATH, requireChromium } from '../../support/browsers';
import { chromiumArgs } from '../../support/chromium';

export type VariantName = 'plain' | 'empty' | 'crosscheck' | 'before';
export type Variant = { name: VariantName; context: BrowserContext; worker: Worker | null; close(): Promise<void> };

/** An MV3 extension whose content script, declared for every http(s) page, does nothing. */
function emptyExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-empty-ext-'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'Empty',
      version: '1',
      content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['content.js'], run_at: 'document_idle' }],
    }),
  );
  writeFileSync(join(dir, 'content.js'), 'void 0;\n');
  return dir;
}

/**
 * Starts one variant, headless, with the same flags as the end-to-end tests. `before`: another
 * build of Crosscheck (`build`, a folder), measured side by side with this one.
 */
export async function launchVariant(name: VariantName, build?: string): Promise<Variant> {
  requireChromium();
  const profile = mkdtempSync(join(tmpdir(), `crosscheck-bench-${name}-`));
  const extension = name === 'crosscheck' ? CHROME_BUILD : name === 'before' ? build! : name === 'empty' ? emptyExtension() : null;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: chromiumArgs(extension),
  });
  const worker =
    name === 'crosscheck' || name === 'before' ? (context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }))) : null;
  return {
    name,
    context,
    worker,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      if (extension && name === 'empty') rmSync(extension, { recursive: true, force: true });
    },
  };
}
