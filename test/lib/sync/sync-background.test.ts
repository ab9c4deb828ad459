import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openNotesDb, type NotesDb } from '@/lib/notes/db';
import { createNotesNotice, type NotesChange, type NotesNotice } from '@/lib/notes/notes-broadcast';
import { toRecord } from '@/lib/notes/record';
import { encodeEntry } from '@/lib/sync/codec';
import { headKey } from '@/lib/sync/keys';
import { noteToEntry } from '@/lib/sync/merge';
import { startSyncBackground, SYNC_RETRY_ALARM } from '@/lib/sync/sync-background';
import { readSyncStatus, setSyncEnabled } from '@/lib/sync/sync-settings';
import { makeNote } from './support/devices';
import { FakeSyncHub, type FakeSyncArea } from './support/fake-sync';

/** The background wiring over fake-indexeddb, WXT's fake browser and the quota-enforcing fake area. */

let db: NotesDb;
let hub: FakeSyncHub;
let area: FakeSyncArea;
let notice: NotesNotice;
/** What the change notice was told, by the routes (here: putNote) and by sync's merges. */
let heard: NotesChange[];
let stop: () => void;

const start = () => {
  const wired = startSyncBackground(db, {
    sync: area,
    local: fakeBrowser.storage.local,
    alarms: fakeBrowser.alarms as never,
    storageEvents: fakeBrowser.storage.onChanged as never,
    notice,
    debounceMs: 20,
  });
  stop = wired.stop;
  return wired;
};
const putNote = (text: string, source = 'https://news.example/story') => {
  const note = makeNote(crypto.randomUUID(), text, Date.now(), 'this-device');
  note.target = { ...note.target, source, url: source };
  // Saved, then told to the notice, as the note routes do.
  return db.notes.put(toRecord(note)).then(() => (notice.changed({ ids: [note.id], sources: [source] }), note));
};

beforeEach(() => {
  fakeBrowser.reset();
  db = openNotesDb(`sync-bg-${crypto.randomUUID()}`);
  hub = new FakeSyncHub();
  area = hub.area();
  notice = createNotesNotice();
  heard = [];
  notice.listen((c) => heard.push(c));
});
afterEach(async () => {
  stop?.();
  db.close();
  await Dexie.delete(db.name);
});

describe('startSyncBackground', () => {
  it('adds its wake-up listeners synchronously, before anything is awaited', () => {
    start();
    expect(fakeBrowser.alarms.onAlarm.hasListeners()).toBe(true);
    expect(fakeBrowser.storage.onChanged.hasListeners()).toBe(true);
  });

  it('writes saved notes to storage.sync and publishes the status for extension pages', async () => {
    const engine = await start().ready;
    const note = await putNote('saved in a tab');
    await vi.waitFor(() => expect(area.data.has(headKey(note.id))).toBe(true), { timeout: 2_000 });
    await engine.idle();
    await vi.waitFor(async () => expect(await readSyncStatus()).toMatchObject({ enabled: true, pending: 0, overQuota: 0, error: null }));
    expect((await readSyncStatus())?.lastSyncedAt).toEqual(expect.any(Number));
  });

  it('merges a note from another device into the database and asks its page to repaint', async () => {
    await start().ready;
    const remote = makeNote(crypto.randomUUID(), 'written on the laptop', Date.now(), 'laptop');
    remote.target = { ...remote.target, source: 'https://news.example/other', url: 'https://news.example/other' };
    await hub.area().set(encodeEntry(noteToEntry(remote, undefined)));
    await vi.waitFor(() => expect(heard).toEqual([{ ids: [remote.id], sources: ['https://news.example/other'] }]), { timeout: 2_000 });
    const stored = await db.notes.get(remote.id);
    expect(stored?.body.text).toBe('written on the laptop');
    // The repaint comes after the note is stored, and only for the page that changed.
    await new Promise((r) => setTimeout(r, 100));
    expect(heard).toHaveLength(1);
  });

  it('follows the reader’s switch: off writes nothing, on catches up', async () => {
    const engine = await start().ready;
    await setSyncEnabled(false);
    await vi.waitFor(async () => expect((await readSyncStatus())?.enabled).toBe(false));
    const note = await putNote('kept here while sync is off');
    await new Promise((r) => setTimeout(r, 100));
    expect(area.data.has(headKey(note.id))).toBe(false);
    await setSyncEnabled(true);
    await vi.waitFor(() => expect(area.data.has(headKey(note.id))).toBe(true), { timeout: 2_000 });
    await engine.idle();
    expect((await readSyncStatus())?.enabled).toBe(true);
  });

  it('starts switched off when the reader turned sync off, and reads nothing from storage.sync', async () => {
    await setSyncEnabled(false);
    const remote = makeNote(crypto.randomUUID(), 'from elsewhere', Date.now(), 'laptop');
    await area.set(encodeEntry(noteToEntry(remote, undefined)));
    await start().ready;
    expect(await db.notes.get(remote.id)).toBeUndefined();
    expect((await readSyncStatus())?.enabled).toBe(false);
  });

  it('arms a retry alarm when a write is refused, and the alarm syncs and disarms it', async () => {
    const engine = await start().ready;
    area.failWith = new Error('Something went wrong in the browser');
    const note = await putNote('written while sync refuses');
    await vi.waitFor(async () => expect((await readSyncStatus())?.error).toMatch(/could not write/), { timeout: 2_000 });
    expect(await fakeBrowser.alarms.get(SYNC_RETRY_ALARM)).toBeDefined();
    expect(await db.notes.get(note.id)).toBeDefined(); // safe here meanwhile
    area.failWith = undefined;
    await fakeBrowser.alarms.onAlarm.trigger({ name: SYNC_RETRY_ALARM, scheduledTime: Date.now() });
    await vi.waitFor(() => expect(area.data.has(headKey(note.id))).toBe(true), { timeout: 2_000 });
    await engine.idle();
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(SYNC_RETRY_ALARM)).toBeUndefined());
    expect(await readSyncStatus()).toMatchObject({ pending: 0, error: null });
  });

  it('tells the reader when sync cannot read storage.sync, without touching the notes, and tries again', async () => {
    const note = await putNote('safe');
    const broken = { ...area, get: () => Promise.reject(new Error('storage.sync is unavailable')) };
    const started = startSyncBackground(db, { sync: broken as never, local: fakeBrowser.storage.local, alarms: fakeBrowser.alarms as never, storageEvents: fakeBrowser.storage.onChanged as never, notice });
    stop = started.stop;
    await (await started.ready).idle();
    await vi.waitFor(async () => expect((await readSyncStatus())?.error).toMatch(/Sync could not finish \(storage.sync is unavailable\).*safe on this device/));
    expect(await fakeBrowser.alarms.get(SYNC_RETRY_ALARM)).toBeDefined();
    expect((await db.notes.get(note.id))?.body.text).toBe('safe');
  });

  it('tells the reader when sync cannot start at all, without touching the notes', async () => {
    const note = await putNote('safe');
    const local = { ...fakeBrowser.storage.local, get: () => Promise.reject(new Error('storage.local is unavailable')) };
    await expect(startSyncBackground(db, { sync: area, local: local as never, alarms: fakeBrowser.alarms as never, storageEvents: fakeBrowser.storage.onChanged as never, notice }).ready).rejects.toThrow();
    await vi.waitFor(async () => expect((await readSyncStatus())?.error).toMatch(/Sync could not start \(storage.local is unavailable\)/));
    expect((await db.notes.get(note.id))?.body.text).toBe('safe');
  });
});
