/**
 * `npm start`: builds Crosscheck, serves the demo news site on 127.0.0.1 and opens Chromium with
 * the extension loaded on the first article. With no display (no $DISPLAY, or `--headless`), it
 * renders the demo headless instead and writes screenshots of each page and its popup.
 *
 * Options: `--headless`, `--browser firefox`, `--out DIR` (screenshots; default demo-screenshots).
 */
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../support/chromium';
import { launchFirefox } from '../support/firefox';
import { chromiumDriver, firefoxDriver, type DriverPage } from '../support/driver';
import { serveFolder } from '../support/static-server';

const { values } = parseArgs({
  options: {
    headless: { type: 'boolean', default: !process.env.DISPLAY },
    browser: { type: 'string', default: 'chromium' },
    out: { type: 'string', default: 'demo-screenshots' },
    'no-build': { type: 'boolean', default: false },
  },
});
const firefox = values.browser === 'firefox';
if (!firefox && values.browser !== 'chromium') throw new Error(`Unknown browser "${values.browser}": use chromium or firefox`);

if (!values['no-build']) {
  console.log(`Building the ${firefox ? 'Firefox' : 'Chromium'} extension…`);
  execFileSync('npx', ['wxt', 'build', ...(firefox ? ['-b', 'firefox'] : [])], { stdio: 'inherit' });
}
const server = await serveFolder();
console.log(`Demo site: ${server.origin}/ (article-a, article-b, article-c, no-claims)`);
const pages = ['article-a.html', 'article-b.html', 'article-c.html', 'no-claims.html'];

if (!values.headless) {
  const url = `${server.origin}/${pages[0]}`;
  const stop = () => void server.close().then(() => process.exit(0));
  if (firefox) {
    const session = await launchFirefox({ headed: true });
    await (await session.browser.newPage()).goto(url);
    session.browser.on('disconnected', stop);
  } else {
    const session = await launchChromium({ headed: true });
    await (await session.context.newPage()).goto(url);
    session.context.on('close', stop);
  }
  console.log('The browser is open on the first article, with Crosscheck in its toolbar. Close it to stop.');
} else {
  const out = resolve(values.out);
  await mkdir(out, { recursive: true });
  const driver = firefox ? firefoxDriver(await launchFirefox()) : chromiumDriver(await launchChromium());
  const written: string[] = [];
  const shoot = async (page: DriverPage, stem: string) => {
    const file = `${stem}${firefox ? '-firefox' : ''}.png`;
    await page.screenshot(`${out}/${file}`);
    written.push(file);
  };
  for (const name of pages) {
    const url = `${server.origin}/${name}`;
    const stem = name.replace('.html', '');
    const page = await driver.newPage();
    await page.goto(url);
    const popup = await driver.popupFor(url);
    await new Promise((r) => setTimeout(r, 300));
    await shoot(page, `${stem}-page`);
    await shoot(popup, `${stem}-popup`);
    // The claim card, as a reader opens it: a click on the first conflicting (else any) highlight.
    const point = await page.evaluate(() => {
      const ranges = ['crosscheck-conflict', 'crosscheck-claim'].flatMap((n) => [...(CSS.highlights.get(n) ?? [])]);
      const range = ranges[0] as Range | undefined;
      range?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const box = range?.getClientRects()[0];
      return box ? { x: box.left + 12, y: box.top + box.height / 2 } : null;
    });
    if (point) {
      await page.click(point.x, point.y);
      await new Promise((r) => setTimeout(r, 800));
      await shoot(page, `${stem}-card`);
    }
  }
  await driver.close();
  await server.close();
  console.log(`No display: rendered the demo headless. Screenshots in ${out}/:`);
  for (const file of written) console.log(`  ${file}`);
}
