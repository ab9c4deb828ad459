import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/**
 * The files git tracks, for the sources zip (`npm run zip`, for addons.mozilla.org): only what is
 * in the repository, never a local file (screenshots, notes, keys). Outside a git checkout (a build
 * from the sources zip itself) every file is taken, as WXT does by default.
 */
export function trackedFiles(root = import.meta.dirname): string[] {
  try {
    const listed = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    // Listed as literal paths: a character that globs treat specially is escaped.
    return listed.split('\0').filter(Boolean).map((file) => file.replace(/[*?[\]{}()!+@]/g, '\\$&'));
  } catch {
    return ['**/*'];
  }
}

/**
 * Which lexicon and which bundled claims this build packs, for what the background keeps between
 * starts (lib/pages/worker-cache.ts): a rebuilt lexicon or an edited claim is never taken for the
 * kept one, whether or not the database's version was raised.
 */
const fileKey = (path: string) => createHash('sha256').update(readFileSync(new URL(path, import.meta.url))).digest('hex').slice(0, 32);
const buildKeys = {
  __CROSSCHECK_LEXICON_KEY__: JSON.stringify(fileKey('public/matcher/lexicon.bin')),
  __CROSSCHECK_CLAIMS_KEY__: JSON.stringify(fileKey('lib/claims/database.json')),
};

// See https://wxt.dev/api/config.html
export default defineConfig({
  imports: false,
  manifest: ({ manifestVersion }) => ({
    name: 'Crosscheck',
    description:
      'Highlights the claims in news articles, shows who corroborates and who contradicts them, and keeps your notes.',
    // storage: settings and the notes' mirror in storage.sync. Nothing else: the content script's
    // `matches` decide where it runs, so no host permissions are requested.
    // contextMenus: the "Add Crosscheck note" and "Track this claim" entries on selected text
    // (Firefox accepts the same name as an alias of `menus`).
    // alarms: sync retries a refused or rate-limited write a minute later; an MV3 service worker
    // stops when idle and its timers with it, an alarm wakes it (lib/sync/sync-background.ts).
    permissions: ['storage', 'contextMenus', 'alarms'],
    // WebDAV sync: the reader's own server, asked for at run time for that one origin when the
    // reader sets it up (lib/webdav/settings.ts originPattern), and given back when removed; without
    // WebDAV set up the extension holds no host permission. MV2 (Firefox here) has no
    // optional_host_permissions and takes host patterns in optional_permissions.
    ...(manifestVersion === 2
      ? { optional_permissions: ['https://*/*', 'http://*/*'] as never[] }
      : { optional_host_permissions: ['https://*/*', 'http://*/*'] }),
    // Keyboard shortcuts; the reader can rebind them in the browser's shortcut settings. Keys both
    // browsers assign out of the box (Chromium reserves Alt+Shift+N and Alt+Shift+W, and leaves a
    // command with such a key without one): test/e2e/commands.e2e.ts checks each.
    commands: {
      'next-claim': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: 'Go to the next claim on the page and open its sources',
      },
      'add-note': {
        suggested_key: { default: 'Alt+Shift+M' },
        description: 'Add a Crosscheck note on the selected text',
      },
      'track-claim': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Track the selected sentence as a claim, and see where else it is said',
      },
    },
    // The content script: a small first part on every page (it loads content-ui.js when there is
    // something to show), and the highlights' styles. Declared here rather than as a WXT content
    // script, whose runtime posts a message to the page and stops on an event the page can send.
    content_scripts: [
      {
        matches: ['http://*/*', 'https://*/*'],
        js: ['content-start.js'],
        css: ['content-scripts/content.css'],
        // As the page starts loading, so that a stopped background worker is started then and
        // loads the claims while the page loads (entrypoints/content-start.ts); the page is read
        // once its DOM is complete, and after its first frame is drawn (lib/annotator/page-start.ts),
        // not when the page is idle: Chromium waits up to 200 ms more for that, Firefox until
        // every image has loaded.
        run_at: 'document_start',
      },
    ],
    // The claim card and note editor are an extension page shown in an iframe on news pages, and
    // content-ui.js is imported by the content script: both must be web-accessible. In Chrome their
    // URLs change every session (use_dynamic_url), so a page cannot probe for them at the
    // extension's fixed id; Firefox gives every profile its own random extension origin.
    web_accessible_resources: [
      { resources: ['panel.html', 'content-ui.js'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true },
    ],
    browser_specific_settings: {
      gecko: {
        id: 'crosscheck@example.org',
        // 140: the CSS Custom Highlight API and data_collection_permissions.
        strict_min_version: '140.0',
        // Crosscheck collects and transmits nothing.
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    },
  }),
  zip: { includeSources: trackedFiles(), dotSources: true },
  vite: () => ({ plugins: [preact()], define: buildKeys }),
});
