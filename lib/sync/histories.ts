import type { Note } from '../notes/schema';
import type { MetaStore } from './local-store';
import { metaOf, noteToEntry } from './merge';
import type { NoteMeta, SyncEntry } from './schema';

/**
 * The engine's record of each note's version histories, in memory and in the meta store
 * (`storage.local`). A history is recorded only once what it describes is true here: a merge's
 * after its local write has committed, a local edit's before it is written to `storage.sync`.
 * What the meta store refuses stays marked unsaved and is saved with the next record.
 */
export class Histories {
  private meta = new Map<string, NoteMeta>();
  private readonly unsaved = new Set<string>();

  constructor(private readonly store: MetaStore) {}

  /** Reads the saved histories (at start). */
  async load(): Promise<void> {
    this.meta = await this.store.all();
  }

  /** Every recorded history, by note id. */
  get known(): ReadonlyMap<string, NoteMeta> {
    return this.meta;
  }

  /** Records histories; throws if the meta store refuses (they stay recorded in memory). */
  async record(metas: ReadonlyMap<string, NoteMeta>): Promise<void> {
    for (const [id, meta] of metas) {
      this.meta.set(id, meta);
      this.unsaved.add(id);
    }
    if (this.unsaved.size === 0) return;
    const ids = [...this.unsaved];
    await this.store.putMany(ids.map((id) => [id, this.meta.get(id)!]));
    ids.forEach((id) => this.unsaved.delete(id));
  }

  /**
   * Sync's view of this device's notes. A note edited here gets its new history now, recorded
   * before anything is written, so the same edit keeps the same history from then on.
   */
  async entriesOf(notes: Note[]): Promise<SyncEntry[]> {
    const metas = new Map<string, NoteMeta>();
    const entries = notes.map((n) => {
      const entry = noteToEntry(n, this.meta.get(n.id));
      const meta = metaOf(entry);
      if (JSON.stringify(meta) !== JSON.stringify(this.meta.get(n.id))) metas.set(n.id, meta);
      return entry;
    });
    await this.record(metas);
    return entries;
  }
}
