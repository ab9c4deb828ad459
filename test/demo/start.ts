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
import { findTabInExtensionPage, showPopupFor } from '../support/popup';
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
  const written: string[] = [];
  if (firefox) {
    const session = await launchFirefox();
    for (const name of pages) {
      const url = `${server.origin}/${name}`;
      const page = await session.browser.newPage();
      await page.goto(url);
      const popup = await session.openExtensionPage('popup.html');
      await showPopupFor(url, () => popup.evaluate(findTabInExtensionPage, url), (p) => session.gotoExtensionPage(popup, p));
      await popup.setViewport({ width: 400, height: 600 });
      const stem = name.replace('.html', '');
      await page.screenshot({ path: `${out}/${stem}-page-firefox.png` });
      await popup.screenshot({ path: `${out}/${stem}-popup-firefox.png` });
      written.push(`${stem}-page-firefox.png`, `${stem}-popup-firefox.png`);
    }
    await session.close();
  } else {
    const session = await launchChromium();
    for (const name of pages) {
      const url = `${server.origin}/${name}`;
      const page = await session.context.newPage();
      await page.goto(url);
      const popup = await session.openExtensionPage('popup.html');
      await popup.setViewportSize({ width: 400, height: 600 });
      await showPopupFor(url, () => popup.evaluate(findTabInExtensionPage, url), (p) =>
        popup.goto(`chrome-extension://${session.extensionId}/${p}`),
      );
      await popup.waitForTimeout(300);
      const stem = name.replace('.html', '');
      await page.screenshot({ path: `${out}/${stem}-page.png` });
      await popup.screenshot({ path: `${out}/${stem}-popup.png` });
      written.push(`${stem}-page.png`, `${stem}-popup.png`);
      // The claim card, as a reader opens it: a click on the first conflicting (else any) highlight.
      const point = await page.evaluate(() => {
        const ranges = ['crosscheck-conflict', 'crosscheck-claim'].flatMap((n) => [...(CSS.highlights.get(n) ?? [])]);
        const range = ranges[0] as Range | undefined;
        range?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        const box = range?.getClientRects()[0];
        return box ? { x: box.left + 12, y: box.top + box.height / 2 } : null;
      });
      if (point) {
        await page.mouse.click(point.x, point.y);
        await page.waitForTimeout(800);
        await page.screenshot({ path: `${out}/${stem}-card.png` });
        written.push(`${stem}-card.png`);
      }
    }
    await session.close();
  }
  await server.close();
  console.log(`No display: rendered the demo headless. Screenshots in ${out}/:`);
  for (const file of written) console.log(`  ${file}`);
}
