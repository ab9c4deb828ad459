/**
 * Sync: time to merge 500 notes arriving from another device into a store of 10,000 (the issue's
 * figure), with the in-memory store and with the real Dexie table on fake-indexeddb, side by side
 * in one run. Also the time of a full write plan over 10,000 notes and the encoded sizes.
 */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { openNotesDb } from '@/lib/notes/db';
import { toRecord } from '@/lib/notes/record';
import type { Note } from '@/lib/notes/schema';
import { dexieNoteStore } from '@/lib/sync/adapters';
import { itemBytes } from '@/lib/sync/bytes';
import { encodeEntry } from '@/lib/sync/codec';
import { SyncEngine } from '@/lib/sync/engine';
import type { LocalNoteStore } from '@/lib/sync/local-store';
import { MemoryMetaStore, MemoryNoteStore } from '../lib/sync/support/memory-stores';
import { noteToEntry } from '@/lib/sync/merge';
import { FakeSyncHub } from '../lib/sync/support/fake-sync';
import { median } from './median';

const LOCAL = 10_000;
const REMOTE = 500;
const T0 = 1_700_000_000_000;

/** Note `i` of a bench library (300 pages), made on `device`. */
export function note(i: number, device: string, text: string): Note {
  const hex = i.toString(16).padStart(12, '0');
  return {
    id: `00000000-0000-4000-8000-${hex}`,
    target: {
      source: `https://news.example/story-${i % 300}`,
      url: `https://news.example/story-${i % 300}`,
      title: `Story ${i % 300}`,
      quote: { type: 'TextQuoteSelector', exact: `quoted words number ${i}`, prefix: 'before ', suffix: ' after' },
    },
    body: { text, tags: ['politics'], color: 'yellow' },
    created: T0 + i,
    modified: T0 + i,
    deviceId: device,
    deleted: false,
    conflicts: [],
  };
}

/** 500 remote notes: 250 edits of local notes (half concurrent), 250 new ones. */
function remoteItems(): Record<string, unknown> {
  const items: Record<string, unknown> = {};
  for (let j = 0; j < REMOTE; j++) {
    const i = j < 250 ? j * 40 : LOCAL + j;
    const n = { ...note(i, 'B', `remote text ${j} `.repeat(4)), modified: T0 + 1e6 + j };
    // Half the edits were made on top of the local version (replace it), half concurrently.
    const entry = noteToEntry(n, j % 2 === 0 && j < 250 ? { versions: [{ m: T0 + i, d: 'A', x: false, vv: { A: 1 }, n: 1 }] } : undefined);
    Object.assign(items, encodeEntry(entry));
  }
  return items;
}

/** Times the merge of the area into the store (the figure), then the first write plan. */
async function timeMerge(store: LocalNoteStore, items: Record<string, unknown>): Promise<[number, number, number]> {
  const meta = new MemoryMetaStore();
  // The area holds the 500 notes although they exceed the real quota: the merge is what is timed.
  const area = new FakeSyncHub(false).area({ limits: { QUOTA_BYTES: 1e9, MAX_ITEMS: 1e6 } });
  for (const [k, v] of Object.entries(items)) area.data.set(k, JSON.stringify(v));
  const engine = new SyncEngine({ area, store, meta, debounceMs: 1e9 });
  let t = performance.now();
  await engine.pull();
  const merge = performance.now() - t;
  t = performance.now();
  await engine.flush();
  const plan = performance.now() - t;
  t = performance.now();
  await engine.flush();
  const again = performance.now() - t;
  engine.stop();
  return [merge, plan, again];
}

export default async function (): Promise<void> {
  const locals = Array.from({ length: LOCAL }, (_, i) => note(i, 'A', `local note ${i} `.repeat(8)));
  const items = remoteItems();
  const bytes = Object.entries(items).reduce((n, [k, v]) => n + itemBytes(k, v), 0);
  console.log(`remote: ${REMOTE} notes in ${Object.keys(items).length} items, ${(bytes / REMOTE).toFixed(0)} bytes a note on average`);

  const rows: [string, number, number, number][] = [];
  for (let run = 0; run < 5; run++) {
    rows.push(['memory', ...(await timeMerge(new MemoryNoteStore(locals), items))]);
    const db = openNotesDb(`bench-sync-${run}`);
    await db.notes.bulkPut(locals.map(toRecord));
    rows.push(['dexie (fake-indexeddb)', ...(await timeMerge(dexieNoteStore(db), items))]);
    db.close();
    await Dexie.delete(db.name);
  }
  for (const name of ['memory', 'dexie (fake-indexeddb)']) {
    const mine = rows.filter(([n]) => n === name);
    console.log(`merge ${REMOTE} remote notes into ${LOCAL} local, ${name}: median ${median(mine.map((r) => r[1])).toFixed(0)} ms of ${mine.length} runs`);
    console.log(`  then the first write pass over all ${LOCAL + 250} notes (real quota: plan, one remove, one set): median ${median(mine.map((r) => r[2])).toFixed(0)} ms`);
    console.log(`  a later write pass with nothing new: median ${median(mine.map((r) => r[3])).toFixed(0)} ms`);
  }
}
