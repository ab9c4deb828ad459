import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** Where the unpacked builds are (`npm run build`, `npm run build:firefox`). */
export const CHROME_BUILD = resolve(import.meta.dirname, '../../.output/chrome-mv3');
export const FIREFOX_BUILD = resolve(import.meta.dirname, '../../.output/firefox-mv2');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Throws, saying how to fix it, when a browser or a build the tests need is missing. */
export function requireFile(path: string, what: string, fix: string): void {
  if (!existsSync(path)) throw new Error(`${what} not found at ${path}. ${fix}`);
}

export function requireChromium(): void {
  requireFile(CHROMIUM_PATH, 'Chromium', 'Install it with `sudo apt-get install -y chromium`, or set CHROMIUM_PATH.');
  requireFile(CHROME_BUILD, 'The Chromium build', 'Run `npm run build` first.');
}

export function requireFirefox(): void {
  requireFile(FIREFOX_PATH, 'Firefox ESR', 'Install it with `sudo apt-get install -y firefox-esr`, or set FIREFOX_PATH.');
  requireFile(FIREFOX_BUILD, 'The Firefox build', 'Run `npm run build:firefox` first.');
}
