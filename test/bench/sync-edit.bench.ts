/**
 * Sync after one edit: the reader edits one note among 10,000 (Dexie on fake-indexeddb, the real
 * `storage.sync` limits), and the storage.sync engine brings the edit to the area. Prints the time
 * from the edit to the area's write and how many notes were read from the database on the way.
 */
import 'fake-indexeddb/auto';
import { Dexie, type DBCore } from 'dexie';
import { openNotesDb, type NotesDb } from '@/lib/notes/db';
import { toRecord } from '@/lib/notes/record';
import type { Note } from '@/lib/notes/schema';
import { updateNoteBody } from '@/lib/notes/notes-service';
import { headKey } from '@/lib/sync/keys';
import { startNoteSync } from '@/lib/sync/start';
import { FakeSyncHub, type FakeSyncArea } from '../lib/sync/support/fake-sync';
import { median } from './median';

const NOTES = 10_000;
const RUNS = 5;
const T0 = 1_700_000_000_000;

function note(i: number): Note {
  const hex = i.toString(16).padStart(12, '0');
  return {
    id: `00000000-0000-4000-8000-${hex}`,
    target: {
      source: `https://news.example/story-${i % 300}`,
      url: `https://news.example/story-${i % 300}`,
      title: `Story ${i % 300}`,
      quote: { type: 'TextQuoteSelector', exact: `quoted words number ${i}`, prefix: 'before ', suffix: ' after' },
    },
    body: { text: `local note ${i} `.repeat(8), tags: ['politics'], color: 'yellow' },
    created: T0 + i,
    modified: T0 + i,
    deviceId: 'A',
    deleted: false,
    conflicts: [],
  };
}

/** Counts what the database hands back: notes (rows) and requests (get, query, cursor, count). */
function countReads(db: NotesDb): { rows: number; requests: number } {
  const reads = { rows: 0, requests: 0 };
  db.use({
    stack: 'dbcore',
    name: 'bench-count-reads',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const t = down.table(name);
        return {
          ...t,
          get: async (req) => (reads.requests++, reads.rows++, t.get(req)),
          getMany: async (req) => (reads.requests++, (reads.rows += req.keys.length), t.getMany(req)),
          query: async (req) => {
            reads.requests++;
            const r = await t.query(req);
            reads.rows += r.result.length;
            return r;
          },
          openCursor: async (req) => (reads.requests++, t.openCursor(req)),
          count: async (req) => (reads.requests++, t.count(req)),
        };
      },
    }),
  });
  return reads;
}

/** Resolves when `area` next writes the item `key`. */
function nextWriteOf(area: FakeSyncArea, key: string): Promise<void> {
  const set = area.set.bind(area);
  return new Promise((resolve) => {
    area.set = async (items) => {
      await set(items);
      if (key in items) resolve();
    };
  });
}

/** One run: a started engine over 10,000 notes, then one edit timed to its write in the area. */
async function run(i: number): Promise<{ ms: number; rows: number; requests: number }> {
  const db = openNotesDb(`bench-sync-edit-${i}`);
  const reads = countReads(db);
  const notes = Array.from({ length: NOTES }, (_, j) => note(j));
  await db.notes.bulkPut(notes.map(toRecord));
  const area = new FakeSyncHub(false).area();
  const local = new Map<string, unknown>();
  const localArea = {
    get: async () => Object.fromEntries(local),
    set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([k, v]) => local.set(k, v)),
  };
  const { engine, stop } = await startNoteSync({ db, sync: area, local: localArea, enabled: true, debounceMs: 0 });
  await engine.idle();
  await new Promise((r) => setTimeout(r, 200)); // the first live-query round settles
  await engine.idle();
  // The newest note is in the area; it is the one edited.
  const edited = notes[NOTES - 1]!;
  const written = nextWriteOf(area, headKey(edited.id));
  reads.rows = 0;
  reads.requests = 0;
  const t = performance.now();
  await updateNoteBody(db, { id: edited.id, body: { ...edited.body, text: `edited ${i}` } }, { now: () => T0 + NOTES + 1 + i, deviceId: 'A' });
  await written;
  const ms = performance.now() - t;
  const figures = { ms, rows: reads.rows, requests: reads.requests };
  await engine.idle();
  stop();
  db.close();
  await Dexie.delete(db.name);
  return figures;
}

export default async function (): Promise<void> {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await run(i));
  console.log(
    `one edit among ${NOTES.toLocaleString('en')} notes → storage.sync (Dexie on fake-indexeddb, debounce 0): ` +
      `median ${median(runs.map((r) => r.ms)).toFixed(1)} ms of ${RUNS} runs (${runs.map((r) => r.ms.toFixed(0)).join(', ')}); ` +
      `notes read ${median(runs.map((r) => r.rows))}, database requests ${median(runs.map((r) => r.requests))} (medians)`,
  );
}
