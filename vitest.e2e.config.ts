import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension in real Chromium and Firefox ESR. One file at a time,
// because each starts a browser and the machine has two cores.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    // A real browser on a loaded 2-core machine now and then misses a deadline; one retry keeps CI
    // honest about real failures (a broken feature fails twice) without failing on a slow moment.
    retry: 1,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
