import { afterEach, describe, expect, it, vi } from 'vitest';
import { readArea } from '@/lib/sync/area-reader';
import { Device, TestClock, settle } from './support/devices';
import { FakeSyncHub } from './support/fake-sync';

/** Scripted scenarios: devices sharing one `storage.sync` through the fake hub. */

function world(n = 2, auto = true) {
  const hub = new FakeSyncHub(auto);
  const clock = new TestClock();
  const devices = ['A', 'B', 'C'].slice(0, n).map((name) => new Device(name, hub, clock));
  return { hub, clock, devices };
}

/** Everyone writes what waits, replication runs, until quiet. */
async function converge(hub: FakeSyncHub, devices: Device[]): Promise<void> {
  for (let i = 0; i < 5; i++) {
    hub.sync();
    await settle(devices);
    for (const d of devices) await d.engine.flush();
    await settle(devices);
  }
}

const areaNotes = (hub: FakeSyncHub) =>
  readArea(Object.fromEntries([...hub.server].map(([k, v]) => [k, JSON.parse(v)]))).entries;

afterEach(() => vi.useRealTimers());

describe('sync between devices', () => {
  it('brings a note made on one device to the others', async () => {
    const { hub, devices } = world(3);
    const [a, b, c] = devices as [Device, Device, Device];
    for (const d of devices) await d.engine.start();
    const note = await a.create('first thoughts');
    await converge(hub, devices);
    expect(b.note(note.id)).toEqual(a.note(note.id));
    expect(c.note(note.id)?.body.text).toBe('first thoughts');
    expect(a.engine.status()).toMatchObject({ pending: 0, overQuota: 0, error: null });
    expect(a.engine.status().lastSyncedAt).not.toBeNull();
  });

  it('keeps both texts when the same note is edited on two devices, the same way everywhere', async () => {
    const { hub, devices } = world(2);
    const [a, b] = devices as [Device, Device];
    for (const d of devices) await d.engine.start();
    const note = await a.create('v0');
    await converge(hub, devices);
    a.area.online = false;
    b.area.online = false;
    await a.edit(note.id, 'edited on A');
    await b.edit(note.id, 'edited on B'); // later, so its body wins
    await a.engine.flush();
    await b.engine.flush();
    a.area.online = true;
    b.area.online = true;
    await converge(hub, devices);
    for (const d of devices) {
      expect(d.note(note.id)?.body.text).toBe('edited on B');
      expect(d.note(note.id)?.conflicts.map((c) => c.text)).toEqual(['edited on A']);
    }
    expect(a.note(note.id)).toEqual(b.note(note.id));
    // The reader resolves it on A: the conflict goes away everywhere.
    await a.edit(note.id, 'merged by hand', true);
    await converge(hub, devices);
    expect(b.note(note.id)).toMatchObject({ body: { text: 'merged by hand' }, conflicts: [] });
  });

  it('does not call a later edit of a synced note a conflict', async () => {
    const { hub, devices } = world(2);
    const [a, b] = devices as [Device, Device];
    for (const d of devices) await d.engine.start();
    const note = await a.create('v0');
    await converge(hub, devices);
    await b.edit(note.id, 'v1');
    await converge(hub, devices);
    await a.edit(note.id, 'v2');
    await converge(hub, devices);
    expect(b.note(note.id)).toMatchObject({ body: { text: 'v2' }, conflicts: [] });
  });

  it('keeps an edit made after a delete on another device', async () => {
    const { hub, devices } = world(2);
    const [a, b] = devices as [Device, Device];
    for (const d of devices) await d.engine.start();
    const note = await a.create('keep me');
    await converge(hub, devices);
    a.area.online = false;
    await a.remove(note.id);
    await a.engine.flush();
    await b.edit(note.id, 'edited after the delete'); // later than the delete
    await b.engine.flush();
    a.area.online = true;
    await converge(hub, devices);
    for (const d of devices) expect(d.note(note.id)).toMatchObject({ deleted: false, body: { text: 'edited after the delete' } });
  });

  it('deletes against an earlier edit, but keeps that edit’s text in the tombstone', async () => {
    const { hub, devices } = world(2);
    const [a, b] = devices as [Device, Device];
    for (const d of devices) await d.engine.start();
    const note = await a.create('v0');
    await converge(hub, devices);
    b.area.online = false;
    await b.edit(note.id, 'edit before the delete');
    await b.engine.flush();
    await a.remove(note.id); // later than B's edit, made without seeing it
    await converge(hub, devices);
    b.area.online = true;
    await converge(hub, devices);
    for (const d of devices) expect(d.note(note.id)?.deleted).toBe(true);
    expect(b.note(note.id)?.body.text).toBe('edit before the delete');
    expect(a.note(note.id)?.conflicts.map((c) => c.text)).toContain('edit before the delete');
    // What travels is a small tombstone plus the concurrent edit, never A's deleted text.
    const remote = areaNotes(hub).get(note.id);
    expect(remote?.kind === 'complete' && remote.entry.versions.map((v) => v.b?.text ?? 'tombstone')).toEqual(['tombstone', 'edit before the delete']);
  });

  it('catches up a device that was offline, both ways', async () => {
    const { hub, devices } = world(3);
    const [a, b, c] = devices as [Device, Device, Device];
    for (const d of devices) await d.engine.start();
    const shared = await a.create('shared');
    await converge(hub, devices);
    c.area.online = false;
    const fromC = [await c.create('c1'), await c.create('c2')];
    await c.edit(shared.id, 'c edit');
    await c.engine.flush();
    const fromA = await a.create('a1');
    await b.remove(shared.id); // earlier than nothing: C's edit above is older
    await converge(hub, devices);
    expect(a.note(fromC[0]!.id)).toBeUndefined();
    c.area.online = true;
    await converge(hub, devices);
    for (const d of devices) {
      expect(d.note(fromC[1]!.id)?.body.text).toBe('c2');
      expect(d.note(fromA.id)?.body.text).toBe('a1');
      expect(d.note(shared.id)?.deleted).toBe(true);
    }
  });

  it('records a merge only once its local write committed, so a failed write never overwrites the other device', async () => {
    const { hub, devices } = world(2, false);
    const [a, b] = devices as [Device, Device];
    for (const d of devices) await d.engine.start();
    const note = await a.create('v0');
    await converge(hub, devices);
    await b.edit(note.id, 'edited on B');
    await b.engine.flush();
    const errors: string[] = [];
    a.engine.subscribe((status) => void (status.error && errors.push(status.error)));
    // A's database refuses the merged note once (quota exceeded), after the merge was computed.
    a.faults.arm('store.commit');
    hub.sync();
    await settle(devices);
    expect(a.faults.fired).toEqual(['store.commit']);
    expect(a.note(note.id)?.body.text).toBe('v0');
    // A flushes again: its old copy is no newer edit, and B's text wins everywhere.
    await a.engine.flush().catch(() => undefined);
    await converge(hub, devices);
    for (const d of devices) expect(d.note(note.id)).toMatchObject({ body: { text: 'edited on B' }, conflicts: [] });
    expect(errors.join('\n')).toMatch(/injected failure at store\.commit.*safe on this device/);
    expect(a.engine.status().error).toBeNull();
  });

  it('reports a failure at any step of merge or flush, and catches up on the next pass', async () => {
    for (const step of ['area.get', 'area.set', 'area.remove', 'store.all', 'store.update', 'store.commit', 'meta.putMany'] as const) {
      const { hub, devices } = world(2, false);
      const [a, b] = devices as [Device, Device];
      const errors: string[] = [];
      a.engine.subscribe((status) => void (status.error && errors.push(status.error)));
      if (step === 'area.get') a.faults.arm(step); // read once, at start
      for (const d of devices) await d.engine.start();
      const big = await a.create('x'.repeat(10_000)); // in chunks, so an edit removes items
      await converge(hub, devices);
      await a.edit(big.id, 'y'.repeat(10_000));
      await b.create(`from B before ${step}`);
      await b.engine.flush();
      const mine = await a.create(`from A before ${step}`);
      if (step !== 'area.get') a.faults.arm(step);
      hub.sync();
      await settle(devices);
      await expect(a.engine.flush()).resolves.toBeUndefined();
      expect(a.faults.fired, step).toEqual([step]);
      expect(errors.join('\n'), step).toMatch(/injected failure/);
      await converge(hub, devices);
      expect(a.engine.status().error, step).toBeNull();
      for (const d of devices) expect([...d.store.notes.values()].map((n) => n.body.text).sort(), `${step} on ${d.name}`).toContain(`from B before ${step}`);
      expect(b.note(mine.id)?.body.text, step).toBe(`from A before ${step}`);
    }
  });

  it('starts up from what is already in the area', async () => {
    const { hub, clock, devices } = world(1);
    const [a] = devices as [Device];
    await a.engine.start();
    const note = await a.create('made before the new device');
    await converge(hub, devices);
    const late = new Device('L', hub, clock);
    await late.engine.start();
    expect(late.note(note.id)?.body.text).toBe('made before the new device');
  });

  it('neither reads nor writes while switched off, and catches up when switched on', async () => {
    const { hub, devices } = world(2);
    const [a, b] = devices as [Device, Device];
    for (const d of devices) await d.engine.start();
    await b.engine.setEnabled(false);
    const note = await a.create('while B is off');
    await converge(hub, devices);
    expect(b.note(note.id)).toBeUndefined();
    expect(b.engine.status().enabled).toBe(false);
    await b.engine.setEnabled(true);
    await settle(devices);
    expect(b.note(note.id)?.body.text).toBe('while B is off');
  });

  it('debounces a burst of local changes into one write', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { devices } = world(1);
    const [a] = devices as [Device];
    await a.engine.start();
    const before = a.area.writes;
    for (let i = 0; i < 5; i++) {
      await a.create(`note ${i}`);
      a.engine.notifyLocalChange();
      await vi.advanceTimersByTimeAsync(300);
    }
    expect(a.area.writes).toBe(before);
    await vi.advanceTimersByTimeAsync(2_000);
    await settle(devices);
    expect(a.area.writes).toBe(before + 1);
    expect(a.engine.status().pending).toBe(0);
  });
});
