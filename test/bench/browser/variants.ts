/**
 * The three browsers a page-cost benchmark compares, side by side: Chromium with no extension, with
 * an empty extension that does nothing (what any extension with a content script costs), and with
 * Crosscheck's build; and, for latency, Crosscheck's build beside a probe that marks when content
 * scripts start. Each is a persistent context in its own throw-away profile.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { CHROME_BUILD, CHROMIUM_PATH, requireChromium } from '../../support/browsers';
import { chromiumArgs } from '../../support/chromium';

export type VariantName = 'plain' | 'empty' | 'crosscheck' | 'before';
export type Variant = { name: VariantName; context: BrowserContext; worker: Worker | null; close(): Promise<void> };

/**
 * What the probe extension logs when its content script runs, with the page's URL and the time
 * from navigation start: injected at document_end, where Crosscheck's builds before it was
 * injected at document_start began their work. Chromium sometimes lays a long page out before
 * it injects document_end scripts; Crosscheck now starts reading at DOMContentLoaded, which is
 * before that layout, so its like-for-like latency is the figure from DOMContentLoaded.
 */
export const PROBE_MESSAGE = 'crosscheck-bench:content-scripts';

/** An MV3 extension with one content script, declared for every http(s) page. */
function contentScriptExtension(name: string, script: string, runAt: 'document_start' | 'document_end'): string {
  const dir = mkdtempSync(join(tmpdir(), `crosscheck-${name}-ext-`));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name,
      version: '1',
      content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['content.js'], run_at: runAt }],
    }),
  );
  writeFileSync(join(dir, 'content.js'), `${script}\n`);
  return dir;
}

/**
 * Starts one variant, headless, with the same flags as the end-to-end tests. `before`: another
 * build of Crosscheck (`build`, a folder), measured side by side with this one. `probe`: the probe
 * extension is loaded beside it (for latency only: it costs the page an extension's start).
 */
export async function launchVariant(name: VariantName, build?: string, options: { probe?: boolean } = {}): Promise<Variant> {
  requireChromium();
  const profile = mkdtempSync(join(tmpdir(), `crosscheck-bench-${name}-`));
  // The empty extension is injected when Crosscheck's script is; the probe at document_end (see PROBE_MESSAGE).
  const own = name === 'empty' ? [contentScriptExtension('Empty', 'void 0;', 'document_start')] : [];
  if (options.probe) own.push(contentScriptExtension('Probe', `console.debug(${JSON.stringify(PROBE_MESSAGE)}, location.href, performance.now());`, 'document_end'));
  const crosscheckBuild = name === 'crosscheck' ? CHROME_BUILD : name === 'before' ? build! : null;
  const extensions = [...(crosscheckBuild ? [crosscheckBuild] : []), ...own];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: chromiumArgs(extensions.length > 0 ? extensions.join(',') : null),
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
      for (const dir of own) rmSync(dir, { recursive: true, force: true });
    },
  };
}
