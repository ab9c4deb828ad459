import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openNotesDb, type NotesDb } from '@/lib/notes/db';
import { toRecord } from '@/lib/notes/record';
import { createNotesNotice } from '@/lib/notes/notes-broadcast';
import { dexieNoteStore } from '@/lib/sync/adapters';
import { areaMetaStore } from '@/lib/sync/adapters';
import { SyncEngine } from '@/lib/sync/engine';
import { startNoteSync } from '@/lib/sync/start';
import { makeNote } from './support/devices';
import { FakeSyncHub } from './support/fake-sync';

describe('adapters', () => {
  let db: NotesDb;
  beforeEach(() => {
    fakeBrowser.reset();
    db = openNotesDb(`sync-test-${crypto.randomUUID()}`);
  });
  afterEach(async () => {
    db.close();
    await Dexie.delete(db.name);
  });

  it('keeps sync bookkeeping in storage.local, one item per note, and skips bad items', async () => {
    const meta = areaMetaStore(fakeBrowser.storage.local);
    const id = crypto.randomUUID();
    await meta.putMany([[id, { versions: [{ m: 1, d: 'A', x: false, vv: { A: 1 }, n: 1 }] }]]);
    await fakeBrowser.storage.local.set({ 'syncmeta:broken': { versions: 'no' }, other: 1 });
    const all = await meta.all();
    expect([...all.keys()]).toEqual([id]);
    expect(all.get(id)?.versions[0]?.vv).toEqual({ A: 1 });
  });

  it('runs the engine end to end on Dexie and storage.local', async () => {
    const area = new FakeSyncHub().area();
    const engine = new SyncEngine({ area, store: dexieNoteStore(db), meta: areaMetaStore(fakeBrowser.storage.local) });
    const note = makeNote(crypto.randomUUID(), 'in Dexie', Date.now(), 'A');
    await db.notes.put(toRecord(note));
    await engine.start();
    expect(engine.status()).toMatchObject({ pending: 0, error: null });
    expect(Object.keys(await area.get(null))).toHaveLength(1);
    engine.stop();
  });
});

describe('startNoteSync', () => {
  it('writes a note saved in the database, and named by the change notice, to storage.sync', async () => {
    fakeBrowser.reset();
    const db = openNotesDb(`sync-start-${crypto.randomUUID()}`);
    const area = new FakeSyncHub().area();
    const notice = createNotesNotice();
    const { engine, stop } = await startNoteSync({ db, sync: area, local: fakeBrowser.storage.local, enabled: true, notice, debounceMs: 20 });
    const note = makeNote(crypto.randomUUID(), 'saved by the notes service', Date.now(), 'A');
    await db.notes.put(toRecord(note));
    notice.changed({ ids: [note.id], sources: [note.target.source] });
    await vi.waitFor(() => expect(area.data.size).toBe(1), { timeout: 2_000 });
    await engine.idle();
    expect(engine.status().pending).toBe(0);
    stop();
    db.close();
    await Dexie.delete(db.name);
  });
});

describe("WXT's fakeBrowser storage.sync", () => {
  // Why the tests use their own area: fakeBrowser neither enforces quotas nor counts writes.
  it('accepts what the real browser would refuse', async () => {
    fakeBrowser.reset();
    await expect(fakeBrowser.storage.sync.set({ big: 'x'.repeat(20_000) })).resolves.toBeUndefined();
  });
});
