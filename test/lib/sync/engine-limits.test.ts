import { afterEach, describe, expect, it, vi } from 'vitest';
import { readArea } from '@/lib/sync/area-reader';
import { itemBytes } from '@/lib/sync/bytes';
import { Device, TestClock, settle } from './support/devices';
import { CHROME_ERRORS, FIREFOX_QUOTA_ERROR, FakeSyncHub } from './support/fake-sync';

/** Scenarios at the browser's limits: full area, refused writes, write rate, large notes. */

afterEach(() => vi.useRealTimers());

const areaBytes = (d: Device) => [...d.area.data].reduce((n, [k, v]) => n + itemBytes(k, JSON.parse(v)), 0);

describe('sync at the limits of storage.sync', () => {
  it('syncs the most recently edited notes first when not all fit, and keeps the rest safe here', async () => {
    const hub = new FakeSyncHub();
    const clock = new TestClock();
    const limits = { QUOTA_BYTES: 6_000 };
    const a = new Device('A', hub, clock, { limits, reserve: { bytes: 0, items: 0 } }, { limits });
    await a.engine.start();
    const notes = [];
    for (let i = 0; i < 30; i++) notes.push(await a.create(`note ${i} `.padEnd(300, '.')));
    await a.engine.flush();
    await settle([a]);
    const status = a.engine.status();
    expect(status.overQuota).toBeGreaterThan(0);
    expect(status.overQuota).toBeLessThan(30);
    expect(status.pending).toBe(0);
    expect(areaBytes(a)).toBeLessThanOrEqual(6_000);
    const states = a.engine.noteStates();
    const synced = notes.filter((n) => states.get(n.id) === 'synced');
    const over = notes.filter((n) => states.get(n.id) === 'over-quota');
    expect(synced.length + over.length).toBe(30);
    // Newest first: every synced note is newer than every note left out.
    expect(Math.min(...synced.map((n) => n.modified))).toBeGreaterThan(Math.max(...over.map((n) => n.modified)));
    expect(a.store.notes.size).toBe(30); // nothing local is touched
  });

  it('when a write is refused for quota, marks the notes, says so, and retries later', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const hub = new FakeSyncHub();
    const clock = new TestClock();
    const a = new Device('A', hub, clock, {}, { flavor: 'firefox' });
    const b = new Device('B', hub, clock);
    await a.engine.start();
    await b.engine.start();
    const kept = await a.create('synced before');
    await a.engine.flush();
    await settle([a, b]);
    // Firefox refuses the next writes as over quota (its one message for every size limit).
    a.area.failWith = new Error(FIREFOX_QUOTA_ERROR);
    const note = await a.create('written while full');
    await a.engine.flush();
    expect(a.engine.status()).toMatchObject({ pending: 1, error: expect.stringMatching(/full/) });
    expect(a.engine.noteStates().get(note.id)).toBe('pending');
    expect(a.engine.noteStates().get(kept.id)).toBe('synced');
    expect(a.note(note.id)?.body.text).toBe('written while full'); // safe here
    // The area takes writes again; the retry after the back-off syncs the note.
    a.area.failWith = undefined;
    await vi.advanceTimersByTimeAsync(30_000);
    await settle([a, b]);
    expect(a.engine.status()).toMatchObject({ pending: 0, overQuota: 0, error: null });
    expect(b.note(note.id)?.body.text).toBe('written while full');
  });

  it('settles when the area is full: both devices keep a small old note that fits the last bytes', async () => {
    const hub = new FakeSyncHub(false);
    const clock = new TestClock();
    const a = new Device('A', hub, clock);
    const b = new Device('B', hub, clock);
    const small = [await b.create('small and old'), await b.create('small, old too')];
    for (let i = 0; i < 300; i++) await a.create(`${i} `.padEnd(1_650, 'x'));
    const round = async () => {
      hub.sync();
      await settle([a, b]);
      for (const d of [a, b]) await d.engine.flush();
      await settle([a, b]);
    };
    await a.engine.start();
    await b.engine.start();
    for (let i = 0; i < 6; i++) await round();
    const writes = a.area.writes + b.area.writes;
    for (let i = 0; i < 3; i++) await round();
    expect(a.area.writes + b.area.writes).toBe(writes); // quiet: nobody removes what the other wrote
    const held = readArea(Object.fromEntries([...hub.server].map(([k, v]) => [k, JSON.parse(v)]))).entries;
    // The newer small note fits what the long ones leave; both devices agree on it.
    expect(held.has(small[1]!.id)).toBe(true);
    for (const d of [a, b]) expect(small.map((n) => d.engine.noteStates().get(n.id)), d.name).toEqual(['over-quota', 'synced']);
  });

  it('counts another device’s items against the space, leaving its own newest notes in', async () => {
    const hub = new FakeSyncHub();
    const clock = new TestClock();
    const a = new Device('A', hub, clock);
    await a.engine.start();
    // Someone else's items fill most of the area.
    const filler = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`other${i}`, 'x'.repeat(8_000)]));
    await a.area.set(filler);
    await settle([a]);
    const notes = [];
    for (let i = 0; i < 8; i++) notes.push(await a.create(`${i}`.padEnd(1_000, '.')));
    await a.engine.flush();
    await settle([a]);
    expect(a.engine.status().overQuota).toBeGreaterThan(0);
    expect(a.engine.noteStates().get(notes[7]!.id)).toBe('synced');
    expect(a.engine.noteStates().get(notes[0]!.id)).toBe('over-quota');
    expect(await a.area.get('other0')).toEqual({ other0: filler.other0 }); // never touches others' items
  });

  it('tells the reader how many of the notes they can see are kept here, not counting deleted ones', async () => {
    const hub = new FakeSyncHub();
    const clock = new TestClock();
    const a = new Device('A', hub, clock);
    await a.engine.start();
    await a.area.set(Object.fromEntries(Array.from({ length: 13 }, (_, i) => [`other${i}`, 'x'.repeat(7_800)])));
    await settle([a]);
    const gone = await a.create('deleted later');
    await a.remove(gone.id);
    const kept = [await a.create('one'), await a.create('two')];
    await a.engine.flush();
    await settle([a]);
    expect(a.engine.noteStates().get(gone.id)).toBe('over-quota');
    expect(kept.map((n) => a.engine.noteStates().get(n.id))).toEqual(['over-quota', 'over-quota']);
    expect(a.engine.status().overQuota).toBe(2);
  });

  it('stays under the write-rate limit on its own, deferring writes instead of failing', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const hub = new FakeSyncHub();
    const clock = new TestClock();
    const limits = { MAX_WRITE_OPERATIONS_PER_MINUTE: 6 };
    const a = new Device('A', hub, clock, { limits }, { limits });
    await a.engine.start();
    for (let i = 0; i < 10; i++) {
      await a.create(`n${i}`);
      await a.engine.flush();
    }
    await settle([a]);
    // 6 a minute less a sixth is 4 writes; the rest wait, and nothing was refused.
    expect(a.area.writes).toBeLessThanOrEqual(5);
    expect(a.engine.status().error).toBeNull();
    expect(a.engine.status().pending).toBeGreaterThan(0);
    clock.advance(61_000);
    await vi.advanceTimersByTimeAsync(61_000);
    await settle([a]);
    expect(a.engine.status().pending).toBe(0);
    const remote = readArea(Object.fromEntries([...a.area.data].map(([k, v]) => [k, JSON.parse(v)])));
    expect(remote.entries.size).toBe(10);
  });

  it('when the browser refuses a write for its rate, says so and retries after a minute', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const hub = new FakeSyncHub();
    const clock = new TestClock();
    const a = new Device('A', hub, clock);
    await a.engine.start();
    // Other code in the extension used up the minute's writes.
    for (let i = 0; i < 120; i++) await a.area.set({ setting: i });
    await expect(a.area.set({ setting: -1 })).rejects.toThrow(CHROME_ERRORS.MAX_WRITE_OPERATIONS_PER_MINUTE);
    const note = await a.create('waits for the rate limit');
    await a.engine.flush();
    expect(a.engine.status().error).toMatch(/limits how often/);
    expect(a.engine.noteStates().get(note.id)).toBe('pending');
    clock.advance(60_000);
    await vi.advanceTimersByTimeAsync(60_000);
    await settle([a]);
    expect(a.engine.status()).toMatchObject({ pending: 0, error: null });
  });

  it('splits a large note over several items and reads it back only when whole', async () => {
    const hub = new FakeSyncHub();
    const clock = new TestClock();
    const a = new Device('A', hub, clock);
    const b = new Device('B', hub, clock);
    await a.engine.start();
    await b.engine.start();
    const text = 'Ünïcödé “quotes” and \\ backslashes\n'.repeat(500).slice(0, 20_000);
    const note = await a.create(text);
    await a.engine.flush();
    await settle([a, b]);
    const chunks = [...a.area.data.keys()].filter((k) => k.startsWith('c:'));
    expect(chunks.length).toBeGreaterThan(2);
    for (const [k, v] of a.area.data) expect(itemBytes(k, JSON.parse(v))).toBeLessThanOrEqual(8_192);
    expect(b.note(note.id)).toEqual(a.note(note.id));

    // A third device sees the manifest and only part of the chunks: no note, no damage.
    const c = new Device('C', new FakeSyncHub(), clock);
    for (const [k, v] of a.area.data) if (k !== chunks[0]) c.area.data.set(k, v);
    await c.engine.start();
    expect(c.note(note.id)).toBeUndefined();
    expect(c.area.data.has(chunks[1]!)).toBe(true); // it waits instead of overwriting

    // An edit replaces the chunk set; the old chunks go.
    await a.edit(note.id, `${text.slice(0, 19_000)}!`);
    await a.engine.flush();
    await settle([a, b]);
    const after = [...a.area.data.keys()].filter((k) => k.startsWith('c:'));
    expect(after.some((k) => chunks.includes(k))).toBe(false);
    expect(b.note(note.id)?.body.text.endsWith('!')).toBe(true);
  });

  it('drops old tombstones from the area, and the device keeping one still wins', async () => {
    const hub = new FakeSyncHub();
    const clock = new TestClock();
    const ttl = { tombstoneTtlMs: 1_000 };
    const a = new Device('A', hub, clock, ttl);
    const b = new Device('B', hub, clock, ttl);
    await a.engine.start();
    await b.engine.start();
    const note = await a.create('soon deleted');
    await a.engine.flush();
    await settle([a, b]);
    b.area.online = false; // B misses the delete
    await a.remove(note.id);
    await a.engine.flush();
    await settle([a, b]);
    clock.advance(5_000);
    await a.engine.flush();
    await settle([a, b]);
    expect([...hub.server.keys()].filter((k) => k.startsWith('n:'))).toEqual([]);
    // B comes back with its old live copy and writes it; A's tombstone overrules it again.
    b.area.online = true;
    hub.sync();
    await settle([a, b]);
    await b.engine.flush();
    await settle([a, b]);
    await a.engine.flush();
    await settle([a, b]);
    expect(b.note(note.id)?.deleted).toBe(true);
    expect(a.note(note.id)?.deleted).toBe(true);
  });
});

describe('the fake area', () => {
  it('refuses like Chrome: item size, item count, total bytes, writes per minute', async () => {
    const hub = new FakeSyncHub(false);
    const area = hub.area({ limits: { MAX_ITEMS: 3 } });
    await expect(area.set({ big: 'x'.repeat(8_190) })).rejects.toThrow(CHROME_ERRORS.QUOTA_BYTES_PER_ITEM);
    await area.set({ a: 1, b: 2, c: 3 });
    await expect(area.set({ d: 4 })).rejects.toThrow(CHROME_ERRORS.MAX_ITEMS);
    const small = hub.area({ limits: { QUOTA_BYTES: 100 } });
    await expect(small.set({ a: 'x'.repeat(60), b: 'y'.repeat(60) })).rejects.toThrow(CHROME_ERRORS.QUOTA_BYTES);
    expect(await small.get(null)).toEqual({});
  });

  it('refuses like Firefox with one message for every size limit', async () => {
    const area = new FakeSyncHub(false).area({ flavor: 'firefox' });
    await expect(area.set({ big: 'x'.repeat(9_000) })).rejects.toThrow(FIREFOX_QUOTA_ERROR);
  });
});
