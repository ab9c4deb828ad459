/**
 * Sync after one edit: the reader edits one note among 10,000 (Dexie on fake-indexeddb, the real
 * `storage.sync` limits), and the storage.sync engine brings the edit to the area. Prints the time
 * from the edit to the area's write and how many notes were read from the database on the way:
 * when the change notice names the note (what the background does), and, side by side in the same
 * run, when the engine reads every note (`flush()`: start-up, the retry after a failure).
 */
import 'fake-indexeddb/auto';
import { Dexie, type DBCore } from 'dexie';
import { openNotesDb, type NotesDb } from '@/lib/notes/db';
import { toRecord } from '@/lib/notes/record';
import { updateNoteBody } from '@/lib/notes/notes-service';
import { headKey } from '@/lib/sync/keys';
import { createNotesNotice } from '@/lib/notes/notes-broadcast';
import { startNoteSync } from '@/lib/sync/start';
import { FakeSyncHub, type FakeSyncArea } from '../lib/sync/support/fake-sync';
import { median } from './median';
import { note } from './sync.bench';

const NOTES = 10_000;
const RUNS = 5;
const T0 = 1_700_000_000_000;

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

type Figures = { ms: number; rows: number; requests: number };

/** One run: a started engine over 10,000 notes, then two edits, each timed to its write in the area. */
async function run(i: number): Promise<{ named: Figures; all: Figures }> {
  const db = openNotesDb(`bench-sync-edit-${i}`);
  const reads = countReads(db);
  const notes = Array.from({ length: NOTES }, (_, j) => note(j, 'A', `local note ${j} `.repeat(8)));
  await db.notes.bulkPut(notes.map(toRecord));
  const area = new FakeSyncHub(false).area();
  const local = new Map<string, unknown>();
  const localArea = {
    get: async () => Object.fromEntries(local),
    set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([k, v]) => local.set(k, v)),
  };
  const notice = createNotesNotice();
  const { engine, stop } = await startNoteSync({ db, sync: area, local: localArea, enabled: true, notice, debounceMs: 0 });
  await engine.idle();
  // The newest note is in the area; it is the one edited, as the note route does: write, then tell.
  const edited = notes[NOTES - 1]!;
  let at = T0 + NOTES;
  const edit = async (text: string, announce: () => void): Promise<Figures> => {
    const written = nextWriteOf(area, headKey(edited.id));
    reads.rows = 0;
    reads.requests = 0;
    const t = performance.now();
    await updateNoteBody(db, { id: edited.id, body: { ...edited.body, text } }, { now: () => ++at, deviceId: 'A' });
    announce();
    await written;
    const figures = { ms: performance.now() - t, rows: reads.rows, requests: reads.requests };
    await engine.idle();
    return figures;
  };
  const named = await edit(`named ${i}`, () => notice.changed({ ids: [edited.id], sources: [edited.target.source] }));
  const all = await edit(`all ${i}`, () => void engine.flush());
  stop();
  db.close();
  await Dexie.delete(db.name);
  return { named, all };
}

export default async function (): Promise<void> {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await run(i));
  console.log(`one edit among ${NOTES.toLocaleString('en')} notes → storage.sync (Dexie on fake-indexeddb, debounce 0), medians of ${RUNS} runs:`);
  const line = (what: string, xs: Figures[]) =>
    console.log(
      `  ${what}: ${median(xs.map((r) => r.ms)).toFixed(1)} ms (${xs.map((r) => r.ms.toFixed(0)).join(', ')}), ` +
        `${median(xs.map((r) => r.rows))} notes read in ${median(xs.map((r) => r.requests))} database requests`,
    );
  line('the change notice names the note', runs.map((r) => r.named));
  line('every note read (flush: start-up, retry after a failure)', runs.map((r) => r.all));
  const ratio = median(runs.map((r) => r.named.ms)) / median(runs.map((r) => r.all.ms));
  console.log(`  named ÷ every note: ${ratio.toFixed(3)}× the time`);
}
