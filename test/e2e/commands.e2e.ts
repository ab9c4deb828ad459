import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHROME_BUILD, FIREFOX_BUILD } from '../support/browsers';
import { launchChromium, type ChromiumSession } from '../support/chromium';
import { launchFirefox, type FirefoxSession } from '../support/firefox';

type Command = { name?: string; shortcut?: string };

/** The commands a build declares, with the keys it suggests. */
function declared(build: string): Record<string, string> {
  const manifest = JSON.parse(readFileSync(join(build, 'manifest.json'), 'utf8')) as {
    commands: Record<string, { suggested_key?: { default?: string } }>;
  };
  return Object.fromEntries(Object.entries(manifest.commands).map(([name, c]) => [name, c.suggested_key?.default ?? '']));
}

/** In an extension page: the commands as the browser assigned them (`browser.commands.getAll()`). */
const assigned = () => ((globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome).commands.getAll() as Promise<Command[]>;

const byName = (commands: Command[]) =>
  Object.fromEntries(commands.filter((c) => c.name && !c.name.startsWith('_')).map((c) => [c.name!, c.shortcut ?? '']));

describe('keyboard shortcuts: every declared command gets its key', () => {
  let chromium: ChromiumSession | undefined;
  let firefox: FirefoxSession | undefined;
  afterAll(async () => {
    await chromium?.close();
    await firefox?.close();
  });

  it('in Chromium (which leaves a command without a key when the key is reserved)', async () => {
    chromium = await launchChromium();
    const page = await chromium.openExtensionPage('popup.html');
    const keys = byName(await page.evaluate(assigned));
    const wanted = declared(CHROME_BUILD);
    expect(Object.keys(wanted).length).toBeGreaterThanOrEqual(2);
    for (const [name, key] of Object.entries(wanted)) expect(keys[name], name).toBe(key);
  });

  it('in Firefox', async () => {
    firefox = await launchFirefox();
    const page = await firefox.openExtensionPage('popup.html');
    const keys = byName(await page.evaluate(assigned));
    for (const [name, key] of Object.entries(declared(FIREFOX_BUILD))) expect(keys[name], name).toBe(key);
  });
});
