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
  private loaded: Promise<void> | undefined;
  private readonly listeners = new Set<(ids: string[]) => void>();

  constructor(private readonly store: MetaStore) {}

  /** Reads the saved histories, once (each transport sharing them calls it at start). */
  load(): Promise<void> {
    this.loaded ??= this.store.all().then(
      (meta) => void (this.meta = meta),
      (err: unknown) => {
        this.loaded = undefined; // try again on the next start
        throw err;
      },
    );
    return this.loaded;
  }

  /** Every recorded history, by note id. */
  get known(): ReadonlyMap<string, NoteMeta> {
    return this.meta;
  }

  /**
   * Calls `listener` with the notes a merge gave a new history, by whichever transport: a transport
   * that keeps notes as sync entries between passes must read those again. Returns the remover.
   */
  onRecord(listener: (ids: string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Records a merge's histories; throws if the meta store refuses (they stay recorded in memory). */
  async record(metas: ReadonlyMap<string, NoteMeta>): Promise<void> {
    if (metas.size) for (const l of this.listeners) l([...metas.keys()]);
    await this.save(metas);
  }

  private async save(metas: ReadonlyMap<string, NoteMeta>): Promise<void> {
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
   * before anything is written, so the same edit keeps the same history from then on (and the
   * entry made from the note and either history is the same: no listener need read it again).
   */
  async entriesOf(notes: Note[]): Promise<SyncEntry[]> {
    const metas = new Map<string, NoteMeta>();
    const entries = notes.map((n) => {
      const entry = noteToEntry(n, this.meta.get(n.id));
      const meta = metaOf(entry);
      if (JSON.stringify(meta) !== JSON.stringify(this.meta.get(n.id))) metas.set(n.id, meta);
      return entry;
    });
    await this.save(metas);
    return entries;
  }
}
