import { SyncEngine, type SyncEngineOptions } from '@/lib/sync/engine';
import { MemoryMetaStore, MemoryNoteStore } from './memory-stores';
import type { Note } from '@/lib/notes/schema';
import type { NoteMeta } from '@/lib/sync/schema';
import { Faults, type FakeAreaOptions, type FakeSyncArea, type FakeSyncHub } from './fake-sync';

/**
 * Simulated devices for sync tests: each has its own note store, sync bookkeeping, area replica
 * and engine, and edits notes the way the notes service does (fresh modified time, own device id).
 */

/** A clock the test moves by hand. */
export class TestClock {
  constructor(public t = 1_700_000_000_000) {}
  now = (): number => this.t;
  advance(ms: number): void {
    this.t += ms;
  }
}

/** A note as the notes service would make it. */
export function makeNote(id: string, text: string, at: number, deviceId: string): Note {
  return {
    id,
    target: {
      source: 'https://news.example/story',
      url: 'https://news.example/story',
      title: 'A story',
      quote: { type: 'TextQuoteSelector', exact: 'the quoted words', prefix: '', suffix: '' },
    },
    body: { text, tags: [], color: 'yellow' },
    created: at,
    modified: at,
    deviceId,
    deleted: false,
    conflicts: [],
  };
}

/** A note store whose sync-facing calls fail when a test arms them (the reader's own edits never do). */
class FaultyNoteStore extends MemoryNoteStore {
  constructor(private readonly faults: Faults) {
    super();
  }
  override async all(): Promise<Note[]> {
    this.faults.take('store.all');
    return super.all();
  }
  override async update(ids: string[], change: (current: (Note | undefined)[]) => (Note | undefined)[]): Promise<void> {
    this.faults.take('store.update'); // refused before anything is read
    if (this.faults.isArmed('store.commit')) {
      change(await this.get(ids)); // the merge ran, then its write did not commit (quota, say)
      this.faults.take('store.commit');
    }
    return super.update(ids, change);
  }
}

/** Sync bookkeeping whose writes fail when a test arms them. */
class FaultyMetaStore extends MemoryMetaStore {
  constructor(private readonly faults: Faults) {
    super();
  }
  override async putMany(entries: [string, NoteMeta][]): Promise<void> {
    this.faults.take('meta.putMany');
    return super.putMany(entries);
  }
}

/** One simulated device. */
export class Device {
  /** Arm one to make the next call at that step of merge or flush throw, once. */
  readonly faults = new Faults();
  readonly store: MemoryNoteStore = new FaultyNoteStore(this.faults);
  readonly meta: MemoryMetaStore = new FaultyMetaStore(this.faults);
  readonly area: FakeSyncArea;
  readonly engine: SyncEngine;

  constructor(
    readonly name: string,
    hub: FakeSyncHub,
    private readonly clock: TestClock,
    engineOptions: Partial<SyncEngineOptions> = {},
    areaOptions: FakeAreaOptions = {},
  ) {
    this.area = hub.area({ now: clock.now, faults: this.faults, ...areaOptions });
    this.engine = new SyncEngine({ area: this.area, store: this.store, meta: this.meta, now: clock.now, ...engineOptions });
  }

  /** The note as stored here. */
  note(id: string): Note | undefined {
    return this.store.notes.get(id);
  }

  /** Creates a note here. */
  async create(text: string, id: string = crypto.randomUUID()): Promise<Note> {
    this.clock.advance(1);
    const note = makeNote(id, text, this.clock.now(), this.name);
    await this.store.putMany([note]);
    return note;
  }

  /** Edits a note's text here, like `updateNoteBody`; `resolve` also clears its conflicts. */
  async edit(id: string, text: string, resolve = false): Promise<void> {
    await this.change(id, (n) => ({ body: { ...n.body, text }, ...(resolve ? { conflicts: [] } : {}) }));
  }

  /** Deletes a note here as a tombstone, like `deleteNote`. */
  async remove(id: string): Promise<void> {
    await this.change(id, () => ({ deleted: true }));
  }

  private async change(id: string, patch: (n: Note) => Partial<Note>): Promise<void> {
    const n = this.note(id);
    if (!n) throw new Error(`${this.name} has no note ${id}`);
    this.clock.advance(1);
    const modified = Math.max(this.clock.now(), n.modified + 1);
    await this.store.putMany([{ ...n, ...patch(n), modified, deviceId: this.name }]);
  }
}

/** Lets queued microtasks (onChanged, replication) and engine work run to the end. */
export async function settle(devices: Device[]): Promise<void> {
  for (let i = 0; i < 8; i++) {
    await new Promise((r) => setImmediate(r));
    await Promise.all(devices.map((d) => d.engine.idle()));
  }
}
