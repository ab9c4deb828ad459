import { afterEach, describe, expect, it, vi } from 'vitest';
import { Device, TestClock, settle } from './support/devices';
import { FakeSyncHub } from './support/fake-sync';

/**
 * The engine hears of local writes through the change notice, which names the notes: a pass reads
 * only those again, and every note only where nothing named them (start-up, a failed task).
 */

const DEBOUNCE = 2_000;

/** Two devices on one hub, with fake timers, A holding `n` notes already synced. */
async function world(n: number) {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const hub = new FakeSyncHub();
  const clock = new TestClock();
  const [a, b] = ['A', 'B'].map((name) => new Device(name, hub, clock, { debounceMs: DEBOUNCE })) as [Device, Device];
  const notes = [];
  for (let i = 0; i < n; i++) notes.push(await a.create(`note ${i}`));
  await a.engine.start();
  await b.engine.start();
  await settle([a, b]);
  const all = vi.spyOn(a.store, 'all');
  const get = vi.spyOn(a.store, 'get');
  /** Lets the debounce run out and every engine finish. */
  const quiet = async () => {
    await vi.advanceTimersByTimeAsync(DEBOUNCE);
    await settle([a, b]);
    await vi.advanceTimersByTimeAsync(DEBOUNCE);
    await settle([a, b]);
  };
  return { hub, a, b, notes, all, get, quiet };
}

/** The ids every `get` of the store was asked for, flattened. */
const idsRead = (get: { mock: { calls: [string[]][] } }) => get.mock.calls.flatMap(([ids]) => ids);

afterEach(() => vi.useRealTimers());

describe('the engine and the change notice', () => {
  it('pushes an edited note by reading only that note, not every note', async () => {
    const { a, b, notes, all, get, quiet } = await world(50);
    const edited = notes[7]!;
    await a.edit(edited.id, 'edited once');
    a.engine.notifyLocalChange([edited.id]);
    await quiet();
    expect(b.note(edited.id)?.body.text).toBe('edited once');
    expect(all).not.toHaveBeenCalled();
    expect(new Set(idsRead(get))).toEqual(new Set([edited.id]));
    expect(a.engine.status()).toMatchObject({ pending: 0, error: null });
  });

  it('pushes a delete as a tombstone the same way', async () => {
    const { a, b, notes, all, get, quiet } = await world(20);
    const gone = notes[3]!;
    await a.remove(gone.id);
    a.engine.notifyLocalChange([gone.id]);
    await quiet();
    expect(b.note(gone.id)?.deleted).toBe(true);
    expect(b.note(notes[4]!.id)?.deleted).toBe(false);
    expect(all).not.toHaveBeenCalled();
    expect(new Set(idsRead(get))).toEqual(new Set([gone.id]));
  });

  it('coalesces a burst of edits into one write that reads each note once', async () => {
    const { a, b, notes, all, get, quiet } = await world(30);
    const before = a.area.writes;
    const burst = notes.slice(10, 15);
    for (const n of burst) {
      await a.edit(n.id, `burst ${n.id}`);
      a.engine.notifyLocalChange([n.id]);
      await vi.advanceTimersByTimeAsync(300);
    }
    expect(a.area.writes).toBe(before); // still waiting for the burst to end
    await quiet();
    expect(a.area.writes).toBe(before + 1);
    for (const n of burst) expect(b.note(n.id)?.body.text).toBe(`burst ${n.id}`);
    expect(all).not.toHaveBeenCalled();
    expect(get).toHaveBeenCalledTimes(1);
    expect(idsRead(get).sort()).toEqual(burst.map((n) => n.id).sort());
  });

  it('reads every note again after a failed pass, so no named edit is lost', async () => {
    const { a, b, notes, all, get, quiet } = await world(10);
    get.mockRejectedValueOnce(new Error('the database is closing'));
    await a.edit(notes[2]!.id, 'edited while the database failed');
    a.engine.notifyLocalChange([notes[2]!.id]);
    await quiet();
    expect(a.engine.status().error).toMatch(/the database is closing/);
    await vi.advanceTimersByTimeAsync(30_000); // the engine's retry
    await settle([a, b]);
    expect(all).toHaveBeenCalledTimes(1);
    expect(b.note(notes[2]!.id)?.body.text).toBe('edited while the database failed');
    expect(a.engine.status()).toMatchObject({ pending: 0, error: null });
  });

  it('leaves the area as a pass over every note would, through edits, deletes, new notes and merges', async () => {
    const { a, b, notes, all, quiet } = await world(15);
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), seed % n);
    const ids = notes.map((n) => n.id);
    for (let step = 0; step < 40; step++) {
      const id = ids[random(ids.length)]!;
      const op = random(4);
      if (op === 0) {
        await a.edit(id, `A step ${step}`);
        a.engine.notifyLocalChange([id]);
      } else if (op === 1) {
        await a.remove(id);
        a.engine.notifyLocalChange([id]);
      } else if (op === 2) {
        const made = await a.create(`new at step ${step}`);
        ids.push(made.id);
        a.engine.notifyLocalChange([made.id]);
      } else if (b.note(id)) {
        await b.edit(id, `B step ${step}`); // reaches A as a merge, which changes A's notes and histories
        await b.engine.flush();
      }
      if (random(3) === 0) await quiet();
    }
    await quiet();
    expect(all).not.toHaveBeenCalled();
    const writes = a.area.writes;
    await a.engine.flush(); // reads every note: finds nothing the notice-driven passes missed
    expect(a.area.writes).toBe(writes);
    await b.engine.flush();
    await quiet();
    // The same notes on both (a tombstone travels without its text, which stays where it was deleted).
    const seen = (d: Device) => ids.map((id) => d.note(id)).map((n) => n && (n.deleted ? 'deleted' : n.body.text));
    expect(seen(b)).toEqual(seen(a));
  });
});
