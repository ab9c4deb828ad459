import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openNotesDb, type NotesDb } from '@/lib/notes/db';
import { exportJson, exportMarkdown } from '@/lib/notes/export';
import { dexieNoteStore } from '@/lib/sync/adapters';
import { fromRecord } from '@/lib/notes/record';
import { NoteSchema } from '@/lib/notes/schema';
import { readArea } from '@/lib/sync/area-reader';
import { encodeEntry } from '@/lib/sync/codec';
import { SyncEngine } from '@/lib/sync/engine';
import { headKey, packId } from '@/lib/sync/keys';
import { MemoryMetaStore } from './support/memory-stores';
import { noteToEntry } from '@/lib/sync/merge';
import { makeNote, TestClock } from './support/devices';
import { FakeSyncHub } from './support/fake-sync';

/**
 * `storage.sync` is written by other devices, other versions and their bugs: untrusted input. One
 * bad item must be skipped and reported, and never block the other notes, hang the background or
 * lock the reader's notes away.
 */

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
/** The compact record of a valid note, to be spoiled by a test. */
const record = (n: number, text = `remote ${n}`): unknown[] & Record<string, unknown> => {
  const items = encodeEntry(noteToEntry(makeNote(uuid(n), text, 1_700_000_000_000 + n, 'B'), undefined));
  return structuredClone(items[headKey(uuid(n))]) as never;
};
type Compact = { v: unknown[][] };

let db: NotesDb | undefined;
afterEach(async () => {
  db?.close();
  if (db) await Dexie.delete(db.name);
  db = undefined;
});

describe('reading a hostile storage.sync', () => {
  it('reports a chunk manifest with more chunks than the area can hold, without building their keys', () => {
    const head = headKey(uuid(1));
    const note = readArea({ [head]: { h: 'abc', n: 5_000_000, m: 1, d: 'B' } }).entries.get(uuid(1));
    expect(note).toMatchObject({ kind: 'unreadable', keys: [head] });
    expect(note?.kind === 'unreadable' && note.error).toMatch(/n: Too big/);
  });

  it('reports a record under a key that holds no note id', () => {
    const note = readArea({ 'n:~not-a-uuid': record(1) }).entries.get('not-a-uuid');
    expect(note?.kind === 'unreadable' && note.error).toMatch(/holds no note id/);
    // Lower-case hex of the UUID's shape that is no UUID (version 0) is no note id either.
    const hex = '0f8fad5b-d9cb-069f-a165-70867728950e';
    expect(readArea({ [`n:${packId(hex)}`]: record(1) }).entries.get(hex)?.kind).toBe('unreadable');
  });

  it('reports dates no ISO string can hold and counters past what the quota could list', () => {
    const late = record(1) as unknown as Compact;
    late.v[0]![0] = 9e15;
    const counted = record(2) as unknown as Compact;
    counted.v[0]![4] = 2 ** 24;
    counted.v[0]![3] = { B: 2 ** 24 };
    const area = readArea({ [headKey(uuid(1))]: late, [headKey(uuid(2))]: counted });
    expect(area.entries.get(uuid(1))).toMatchObject({ kind: 'unreadable', error: expect.stringMatching(/versions\.0\.m: Too big/) });
    expect(area.entries.get(uuid(2))).toMatchObject({ kind: 'unreadable', error: expect.stringMatching(/Too big/) });
  });

  it('reports a note whose page is not a web page (javascript:, data:)', () => {
    const items: Record<string, unknown> = {};
    for (const [n, url] of [[1, 'javascript:alert(1)'], [2, 'data:text/html,<script>x</script>']] as const) {
      const rec = record(n) as unknown as { t: unknown[] };
      rec.t[1] = url; // the URL the reader saw; the canonical source stays https
      items[headKey(uuid(n))] = rec;
    }
    const area = readArea(items);
    for (const n of [1, 2]) expect(area.entries.get(uuid(n))).toMatchObject({ kind: 'unreadable', error: expect.stringMatching(/target\.url: must be an http\(s\) URL/) });
  });

  it('merges every good note and uploads local ones past bad items, and names what it skipped', async () => {
    db = openNotesDb(`hostile-${crypto.randomUUID()}`);
    const local = makeNote(uuid(9), 'written here', 1_700_000_000_000, 'A');
    await dexieNoteStore(db).putMany([local]);
    const late = record(2) as unknown as Compact;
    late.v[0]![0] = 9e15;
    const counted = record(3) as unknown as Compact;
    counted.v[0]![4] = 2 ** 24;
    const hub = new FakeSyncHub();
    const clock = new TestClock();
    const area = hub.area({ now: clock.now });
    await area.set({
      [headKey(uuid(1))]: record(1, 'good remote note'),
      'n:~not-a-uuid': record(4),
      [headKey(uuid(2))]: late,
      [headKey(uuid(3))]: counted,
      [headKey(uuid(5))]: { h: 'abc', n: 5_000_000, m: 1, d: 'B' },
    });
    const engine = new SyncEngine({ area, store: dexieNoteStore(db), meta: new MemoryMetaStore(), now: clock.now });
    await engine.start();
    await engine.idle();

    const stored = (await db.notes.toArray()).map(fromRecord);
    expect(stored.map((n) => n.body.text).sort()).toEqual(['good remote note', 'written here']);
    for (const n of stored) expect(NoteSchema.safeParse(n).success).toBe(true);
    expect(readArea(await area.get(null)).entries.get(uuid(9))?.kind).toBe('complete');
    expect(engine.status().error).toMatch(/could not be read .*\(and 3 more\)/);
    // The notes stay readable: listing and export work.
    expect(() => exportJson(stored)).not.toThrow();
    expect(() => exportMarkdown(stored)).not.toThrow();
  });
});
