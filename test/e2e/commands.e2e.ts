import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHROME_BUILD, FIREFOX_BUILD } from '../support/browsers';
import { BROWSERS, type Driver } from '../support/driver';

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

const BUILDS = { chromium: CHROME_BUILD, firefox: FIREFOX_BUILD };

// Chromium leaves a command without a key when the key is reserved.
describe.each(BROWSERS)('%s: keyboard shortcuts: every declared command gets its key', (_name, launch) => {
  let driver: Driver | undefined;
  afterAll(async () => driver?.close());

  it('assigns each declared key', async () => {
    driver = await launch();
    const page = await driver.open('popup.html');
    const keys = byName(await page.evaluate(assigned));
    const wanted = declared(BUILDS[driver.name]);
    expect(Object.keys(wanted).length).toBeGreaterThanOrEqual(2);
    for (const [name, key] of Object.entries(wanted)) expect(keys[name], name).toBe(key);
  });
});
