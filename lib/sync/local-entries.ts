import type { Note } from '../notes/schema';
import type { Histories } from './histories';
import type { LocalNoteStore } from './local-store';
import type { SyncEntry } from './schema';

/**
 * The storage.sync engine's view of every local note as a sync entry, kept between passes so that
 * a pass reads again only the notes named since the last: by the change notice (every write in
 * the background names its notes: the note routes', an import's, both transports' merges) or by
 * a merge giving a note a new history. Every note is read where nothing can have named them: at
 * first, when sync is switched on (writes made before, or while off, were told to no one
 * listening), after a failed pass (the names it had taken may be lost), and on `flush()`.
 */
export class LocalEntries {
  private entries = new Map<string, { entry: SyncEntry; deleted: boolean }>();
  private readonly named = new Set<string>();
  private all = true;

  constructor(
    private readonly store: LocalNoteStore,
    private readonly histories: Histories,
  ) {
    // A merge by either transport gives notes new histories, hence new entries.
    histories.onRecord((ids) => this.name(ids));
  }

  /** These notes changed here: the next read reads them again. */
  name(ids: Iterable<string>): void {
    for (const id of ids) this.named.add(id);
  }

  /** Nothing can say which notes changed: the next read reads every note. */
  forget(): void {
    this.all = true;
  }

  /** Whether the next read reads every note. */
  get readsAll(): boolean {
    return this.all;
  }

  /** Whether the next read reads this note again (it was named, or every note is read). */
  isNamed(id: string): boolean {
    return this.all || this.named.has(id);
  }

  /** Every local note as an entry, and which are deleted; reads again only what it must (see above). */
  async read(): Promise<{ entries: SyncEntry[]; deleted: Set<string> }> {
    const all = this.all;
    const ids = [...this.named];
    // Names arriving from here on may be edits made after this read: they wait for the next one.
    this.all = false;
    this.named.clear();
    const known = all ? new Map<string, { entry: SyncEntry; deleted: boolean }>() : this.entries;
    const read = all ? await this.store.all() : await this.store.get(ids);
    const notes: Note[] = [];
    read.forEach((n, i) => (n ? notes.push(n) : known.delete(ids[i]!))); // gone from the store
    const entries = await this.histories.entriesOf(notes);
    notes.forEach((n, i) => known.set(n.id, { entry: entries[i]!, deleted: n.deleted }));
    this.entries = known;
    return {
      entries: [...known.values()].map((l) => l.entry),
      deleted: new Set([...known].filter(([, l]) => l.deleted).map(([id]) => id)),
    };
  }
}
