/**
 * Notes benchmark (`npm run bench -- notes`): with 10,000 notes in fake-indexeddb, the time to fetch
 * one page's notes and to search all notes; then re-anchoring (anchoring.ts): Crosscheck against
 * Hypothesis's approach on revised 10k- and 100k-word pages, and long quotes on a 1 MB page.
 */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { openNotesDb } from '@/lib/notes/db';
import { listPageNotes, searchNotes } from '@/lib/notes/notes-service';
import { toRecord } from '@/lib/notes/record';
import type { Note } from '@/lib/notes/schema';
import { rng, timeAnchoring, vocabulary } from './anchoring';
import { median } from './median';

const NOTES = 10_000;
const PAGES = 500;
const rand = rng(42);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const ms = (x: number) => `${x.toFixed(2)} ms`;

async function timeDb(): Promise<void> {
  const db = openNotesDb(`bench-${crypto.randomUUID()}`);
  const tags = ['venezuela', 'russia', 'troops', 'aid', 'maduro', 'guaido', 'check', 'quote', 'número', 'later'];
  const notes: Note[] = Array.from({ length: NOTES }, (_, i) => {
    const at = Math.floor(rand() * (vocabulary.length - 20));
    const source = `https://site${i % 25}.example.com/story/${i % PAGES}`;
    return {
      id: crypto.randomUUID(),
      target: {
        source,
        url: source,
        title: `Story ${i % PAGES}`,
        quote: { type: 'TextQuoteSelector', exact: vocabulary.slice(at, at + 8).join(' '), prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: at * 6, end: at * 6 + 50 },
      },
      body: { text: Array.from({ length: 20 }, () => pick(vocabulary)).join(' '), tags: [pick(tags), pick(tags)], color: 'yellow' },
      created: i,
      modified: i,
      deviceId: 'bench',
      deleted: i % 50 === 0,
      conflicts: [],
    };
  });
  let t = performance.now();
  await db.notes.bulkAdd(notes.map(toRecord));
  console.log(`stored ${NOTES} notes on ${PAGES} pages in ${ms(performance.now() - t)}`);

  const pageTimes: number[] = [];
  let perPage = 0;
  for (let i = 0; i < 50; i++) {
    t = performance.now();
    const p = (i * 37) % PAGES; // notes i with i % PAGES = p are all on site p % 25
    perPage = (await listPageNotes(db, `https://site${p % 25}.example.com/story/${p}`)).length;
    pageTimes.push(performance.now() - t);
  }
  console.log(`one page's notes (${perPage} notes): median ${ms(median(pageTimes))} over 50 pages`);

  const queries: [string, object][] = [
    ['common word', { text: 'russian' }],
    ['rare word', { text: 'tonkoshkurov' }],
    ['two words', { text: 'russian troops' }],
    ['prefix, any case', { text: 'VENEZ' }],
    ['tag filter', { tag: 'numero' }],
    ['site filter', { site: 'site3.example.com' }],
    ['word + tag', { text: 'caracas', tag: 'aid' }],
  ];
  console.log('\n| search all notes | hits | median of 20 |\n| --- | ---: | ---: |');
  for (const [label, q] of queries) {
    const times: number[] = [];
    let hits = 0;
    for (let i = 0; i < 20; i++) {
      t = performance.now();
      hits = (await searchNotes(db, q)).length;
      times.push(performance.now() - t);
    }
    console.log(`| ${label} \`${JSON.stringify(q)}\` | ${hits} | ${ms(median(times))} |`);
  }
  db.close();
  await Dexie.delete(db.name);
}

/** Runs the notes benchmarks, printing figures. */
export default async function (): Promise<void> {
  await timeDb();
  await timeAnchoring();
}
