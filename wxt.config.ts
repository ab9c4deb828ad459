import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See https://wxt.dev/api/config.html
export default defineConfig({
  imports: false,
  manifest: ({ manifestVersion }) => ({
    name: 'Crosscheck',
    description:
      'Highlights the claims in news articles, shows who corroborates and who contradicts them, and keeps your notes.',
    // storage: settings and the notes' mirror in storage.sync. Nothing else: the content script's
    // `matches` decide where it runs, so no host permissions are requested.
    // contextMenus: the "Add Crosscheck note" entry on selected text (Firefox accepts the
    // same name as an alias of `menus`).
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
    // Keyboard shortcuts; the reader can rebind them in the browser's shortcut settings.
    commands: {
      'next-claim': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: 'Go to the next claim on the page and open its sources',
      },
      'add-note': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: 'Add a Crosscheck note on the selected text',
      },
    },
    // The claim card and note editor are an extension page shown in an iframe on news pages.
    web_accessible_resources: [{ resources: ['panel.html'], matches: ['http://*/*', 'https://*/*'] }],
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
  vite: () => ({ plugins: [preact()] }),
});
