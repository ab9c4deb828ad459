/**
 * Reader's claims benchmark (`npm run bench -- reader-claims`): 100,000 tracked claims (1%
 * deleted), 10,000 sightings and 5,000 collected fact-checks in the reader's store; the time to
 * list a page, to search, to turn the store into a claim database (`toClaimDatabase`), and what the
 * options page does with it (open, edit, delete and undo, export, import a feed and how long the
 * page waits meanwhile), side by
 * side in headless Chromium's IndexedDB and in node's fake-indexeddb (what the unit tests use);
 * then, in node, how much of `toClaimDatabase` is converting, and the matcher's index over the
 * bundled and the reader's claims together; and a worker's start with those claims (ClaimSource),
 * with its index stored from the start before and without.
 */
import 'fake-indexeddb/auto';
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getBundledClaimDatabase } from '@/lib/claims/bundled';
import { claimRow, factCheckRow, openReaderClaimsDb, readerRevision, sightingRow } from '@/lib/claims/reader-db';
import { readerClaimDatabase, readReaderData, withReaderClaims, type ReaderData } from '@/lib/claims/reader-database';
import { readLexicon } from '@/lib/cli/lexicon-file';
import { buildClaimIndex } from '@/lib/matcher';
import { ClaimSource } from '@/lib/pages/claim-source';
import type { CachedClaims } from '@/lib/pages/worker-cache';
import { launchChromium } from '../support/chromium';
import { serveFolder } from '../support/static-server';
import { vocabulary } from './anchoring';
import { median } from './median';
import { readerData, runStoreBench, type StoreFigures } from './reader-claims-store';

const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`);

/** The store bench in headless Chromium: the page script bundled, served, and called. */
async function inChromium(): Promise<StoreFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-reader-claims-'));
  await build({ entryPoints: ['test/bench/reader-claims-page.ts'], bundle: true, format: 'esm', outfile: join(dir, 'bench.js'), logLevel: 'error' });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>bench</title><script type="module" src="bench.js"></script>');
  const server = await serveFolder(dir);
  const session = await launchChromium();
  try {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/index.html`);
    await page.waitForFunction(() => 'runStoreBench' in globalThis);
    return await page.evaluate(
      (words) => (globalThis as unknown as { runStoreBench: (w: string[]) => Promise<StoreFigures> }).runStoreBench(words),
      vocabulary,
    );
  } finally {
    await session.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the reader's claims benchmarks, printing figures. */
export default async function (): Promise<void> {
  const chromium = await inChromium();
  const node = await runStoreBench(vocabulary);
  console.log('| 100,000 tracked claims | results | Chromium (IndexedDB) | node (fake-indexeddb) |\n| --- | ---: | ---: | ---: |');
  console.log(`| store them (bulk, 10,000 at a time), with the sightings and fact-checks | | ${ms(chromium.storeMs)} | ${ms(node.storeMs)} |`);
  chromium.figures.forEach((f, i) => console.log(`| ${f.what} | ${f.results || ''} | ${ms(f.ms)} | ${ms(node.figures[i]!.ms)} |`));

  const data = readerData(vocabulary);
  const live = { ...data, claims: data.claims.filter((c) => !c.deleted) };
  const times: number[] = [];
  let reader = readerClaimDatabase(live);
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    reader = readerClaimDatabase(live);
    times.push(performance.now() - t);
  }
  console.log(`\nof toClaimDatabase, converting the rows read (node): ${ms(median(times))} (median of 5) for ${reader.claims.length} claims, ` +
    `${reader.assertions.length} assertions, ${reader.relations.length} relations, ${reader.sources.length} sources`);
  const combined = withReaderClaims(getBundledClaimDatabase(), reader);
  const lexicon = readLexicon();
  const t = performance.now();
  buildClaimIndex(combined, lexicon);
  console.log(`the matcher's index over the bundled and the reader's claims (${combined.claims.length} claims): ${ms(performance.now() - t)}`);
  await workerStart(data, lexicon);
}

/**
 * What a background worker's start costs with the reader's 100,000 claims (node, fake-indexeddb):
 * reading the store and building the index (nothing kept), or reading back what the start before
 * kept (structured-cloned, as IndexedDB would); and reading the store alone.
 */
async function workerStart(data: ReaderData, lexicon: ReturnType<typeof readLexicon>): Promise<void> {
  const db = openReaderClaimsDb(`bench-start-${Date.now()}`);
  for (let i = 0; i < data.claims.length; i += 10_000) await db.claims.bulkAdd(data.claims.slice(i, i + 10_000).map(claimRow));
  await db.sightings.bulkAdd(data.sightings.map(sightingRow));
  await db.factChecks.bulkAdd(data.factChecks.map(factCheckRow));
  let kept: CachedClaims | undefined;
  const cache = { get: async (key: string) => (kept?.key === key ? structuredClone(kept) : undefined), put: async (c: CachedClaims) => void (kept = structuredClone(c)) };
  const reader = { revision: () => readerRevision(db), read: () => readReaderData(db) };
  const start = async () => {
    const t = performance.now();
    await new ClaimSource({ loadLexicon: async () => ({ lexicon, key: 'bench' }), cache, reader }).load();
    return performance.now() - t;
  };
  const cold = await start();
  const warm = [await start(), await start(), await start()];
  const t = performance.now();
  await readReaderData(db);
  const readMs = performance.now() - t;
  console.log(`\na worker's start with these claims (node, fake-indexeddb): nothing kept ${ms(cold)}; what the start before kept ${ms(median(warm))} (median of 3) = ${(median(warm) / cold).toFixed(2)}×; reading the store alone takes ${ms(readMs)}`);
  db.close();
  indexedDB.deleteDatabase(db.name);
}
