/**
 * The reader's claim store measured with 100,000 tracked claims, wherever IndexedDB is: in node
 * with fake-indexeddb, and in headless Chromium (reader-claims.bench.ts bundles this module into a
 * page). No node modules here. The data are drawn from the source articles' words with a fixed
 * seed, so every run and both places measure the same claims.
 */
import { claimRow, factCheckRow, openReaderClaimsDb, sightingRow } from '@/lib/claims/reader-db';
import { toClaimDatabase, type ReaderData } from '@/lib/claims/reader-database';
import { factCheckId } from '@/lib/claims/reader-ids';
import { queryFactChecks, queryTrackedClaims } from '@/lib/claims/reader-query';
import { backupReaderClaims } from '@/lib/claims/reader-backup';
import { importClaimsFile } from '@/lib/claims/reader-import';
import { deleteTrackedClaim, editTrackedClaim, undoDeleteTrackedClaim } from '@/lib/claims/reader-store';
import { parseClaimReviews } from '@/lib/factchecks/parse';
import type { CollectedFactCheck, Sighting, TrackedClaim } from '@/lib/claims/reader-schema';
import { median } from './median';
import { rng } from './rng';

export const CLAIMS = 100_000;
const SIGHTINGS = 10_000;
const FACT_CHECKS = 5_000;
const PAGES = 5_000;
/** Each claim names one of these places: a rare word, on 20 claims. */
const PLACES = 5_000;

/** One measured operation: what, how many results, median time. */
export type Figure = { what: string; results: number; ms: number };
export type StoreFigures = { storeMs: number; figures: Figure[] };
/** ClaimReview items in the file the import is measured with. */
const FEED = 10_000;

const uuid = (i: number) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;

/** The store's content: claims (1% deleted), sightings of them, and collected fact-checks. */
export function readerData(vocabulary: readonly string[]): ReaderData & { claims: TrackedClaim[] } {
  const rand = rng(14);
  const words = (n: number) => {
    const at = Math.floor(rand() * (vocabulary.length - n));
    return vocabulary.slice(at, at + n).join(' ');
  };
  const page = (i: number) => ({
    url: `https://site${i % 200}.example.com/story/${i % PAGES}`,
    outlet: `Site ${i % 200}`,
    title: `Story ${i % PAGES}`,
    author: i % 3 === 0 ? null : `Author ${i % 50}`,
    published: '2026-11-17',
  });
  const quote = (exact: string) => ({ type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' });
  const claims: TrackedClaim[] = Array.from({ length: CLAIMS }, (_, i) => ({
    id: uuid(i), statement: `${words(12)} in Placename${i % PLACES}`, type: 'reported-fact', entities: [], facts: [],
    sourceKind: 'news-report', page: page(i), quote: quote(words(25)), created: i, modified: i, deleted: i % 100 === 0,
  }));
  const sightings: Sighting[] = Array.from({ length: SIGHTINGS }, (_, i) => ({
    id: uuid(CLAIMS + i), claimId: uuid((i * 7) % CLAIMS), page: page(i + 17), quote: quote(words(20)),
    stance: i % 4 === 0 ? 'conflicts' : 'agrees', differs: [], by: 'crosscheck', created: i, modified: i, deleted: false,
  }));
  const verdicts = ['false', 'true', 'misleading', 'mixed', 'unrated'] as const;
  const labels = ['False', 'Mostly true', 'Misleading', 'Half true', 'Unproven'];
  const factChecks: CollectedFactCheck[] = Array.from({ length: FACT_CHECKS }, (_, i) => {
    const url = `https://checker${i % 20}.example.org/check/${i}`;
    const claimReviewed = words(15);
    return {
      id: factCheckId(url, claimReviewed), claimReviewed, verdict: verdicts[i % 5]!,
      ratings: [{ label: labels[i % 5]!, value: null, best: null, worst: null }],
      claimant: { name: `Claimant ${i % 300}`, url: null }, claimDate: '2026-11-01', appearances: [],
      factChecker: { name: `Checker ${i % 20}`, url: null }, url, datePublished: '2026-11-02', collected: i, modified: i, deleted: false,
    };
  });
  return { claims, sightings, factChecks, packs: [] };
}

async function time<T>(runs: number, run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const times: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    result = await run();
    times.push(performance.now() - t);
  }
  return { ms: median(times), result };
}

/** Fills a fresh store with the data, then times listing, searching and `toClaimDatabase`. */
export async function runStoreBench(vocabulary: readonly string[]): Promise<StoreFigures> {
  const data = readerData(vocabulary);
  const db = openReaderClaimsDb(`bench-${Date.now()}`);
  const t = performance.now();
  for (let i = 0; i < CLAIMS; i += 10_000) await db.claims.bulkAdd(data.claims.slice(i, i + 10_000).map(claimRow));
  await db.sightings.bulkAdd(data.sightings.map(sightingRow));
  await db.factChecks.bulkAdd(data.factChecks.map(factCheckRow));
  const storeMs = performance.now() - t;

  const figures: Figure[] = [];
  const measure = async (what: string, runs: number, run: () => Promise<unknown[] | { claims: unknown[] }>) => {
    const { ms, result } = await time(runs, run);
    figures.push({ what, results: Array.isArray(result) ? result.length : result.claims.length, ms });
  };
  await measure('list: the first page of 50', 20, () => queryTrackedClaims(db, { limit: 50 }));
  const mid = data.claims[CLAIMS / 2]!;
  await measure('list: the page after the 50,000th claim', 20, () => queryTrackedClaims(db, { limit: 50, after: { modified: mid.modified, id: mid.id } }));
  for (const [label, text] of [
    ['a common word (on 15% of claims)', 'russian'],
    ['a common prefix (17%)', 'venez'],
    ['two common words, together on 703 claims', 'russian troops'],
    ['two common words, together on 897 claims', 'venez caracas'],
    ['three common words, never together', 'caracas maduro troops'],
    ['a rare name (20 claims)', 'placename4321'],
    ['a common word and a rare name', 'troops placename4321'],
    ['a word no claim has', 'zzzz'],
  ]) {
    await measure(`search: ${label} "${text}", first 50`, 10, () => queryTrackedClaims(db, { text, limit: 50 }));
  }
  await measure('toClaimDatabase (claims in the result)', 3, () => toClaimDatabase(db));
  await measure('options page: its first pages, 20 tracked claims and 20 fact-checks (21 of each read)', 20, async () => [
    ...(await queryTrackedClaims(db, { limit: 21 })),
    ...(await queryFactChecks(db, { limit: 21 })),
  ]);
  const edited = data.claims[CLAIMS - 2]!;
  const ctx = { now: Date.now };
  await measure('options page: edit a claim, delete it, undo the delete', 10, async () => {
    await editTrackedClaim(db, { id: edited.id, statement: `${edited.statement} (edited)` }, ctx);
    await deleteTrackedClaim(db, edited.id, ctx);
    return [await undoDeleteTrackedClaim(db, edited.id, ctx)];
  });
  let exportChars = 0;
  await measure('export with the notes: the live store read and written as JSON (claims)', 3, async () => {
    const backup = await backupReaderClaims(db);
    exportChars = JSON.stringify(backup).length;
    return backup.claims;
  });
  figures.at(-1)!.what += `: ${(exportChars / 1e6).toFixed(1)} M characters`;
  figures.push(...(await importFigures(db)));
  db.close();
  indexedDB.deleteDatabase(db.name);
  return { storeMs, figures };
}

/** Runs `work`, timing it and the longest the page's event loop waited meanwhile (a timer's lateness). */
async function withPauses<T>(work: () => Promise<T>): Promise<{ ms: number; longestPause: number; result: T }> {
  let longestPause = 0;
  let running = true;
  let last = performance.now();
  const tick = () => {
    const now = performance.now();
    longestPause = Math.max(longestPause, now - last);
    last = now;
    if (running) setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  const t = performance.now();
  const result = await work();
  const ms = performance.now() - t;
  running = false;
  return { ms, longestPause: Math.max(longestPause, performance.now() - last), result };
}

/**
 * The import of a DataFeed of FEED ClaimReview items as the options page runs it (text in, stored):
 * its time and the longest the page could not answer meanwhile; beside it, the longest task the
 * same items cost when read in one go (as before the import read them in slices).
 */
async function importFigures(db: ReturnType<typeof openReaderClaimsDb>): Promise<Figure[]> {
  const items = Array.from({ length: FEED }, (_, i) => ({
    '@type': 'DataFeedItem',
    item: {
      '@type': 'ClaimReview', url: `https://desk${i % 7}.example.org/checks/${i}`, claimReviewed: `Imported claim ${i} about the harbour bridge and its closure`,
      datePublished: '2026-11-02', author: { '@type': 'Organization', name: `Desk ${i % 7}` },
      itemReviewed: { '@type': 'Claim', author: { name: `Claimant ${i % 100}` }, datePublished: '2026-11-01' },
      reviewRating: { '@type': 'Rating', alternateName: 'False', ratingValue: 1, bestRating: 5, worstRating: 1 },
    },
  }));
  const text = JSON.stringify({ '@context': 'https://schema.org', '@type': 'DataFeed', dataFeedElement: items });
  const oneGo = await withPauses(async () => parseClaimReviews(JSON.parse(text), { maxDepth: 32, maxVisited: 10_000_000, maxFound: 100_000 }));
  const sliced = await withPauses(() => importClaimsFile(db, text, { now: Date.now }, 'feed.json'));
  return [
    { what: `import a DataFeed of ${FEED.toLocaleString('en')} ClaimReview items (${(text.length / 1e6).toFixed(1)} M characters): text in, stored`, results: sliced.result.added, ms: sliced.ms },
    { what: '…the longest the page waited meanwhile (JSON.parse, then a slice of 2,000 items)', results: 0, ms: sliced.longestPause },
    { what: '…reading the same items in one go, as before slices: its one task', results: oneGo.result.items.length, ms: oneGo.longestPause },
  ];
}
