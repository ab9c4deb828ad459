import type { Note } from '@/lib/notes/schema';
import type { LocalNoteStore, MetaStore } from '@/lib/sync/local-store';
import type { NoteMeta } from '@/lib/sync/schema';

/** An in-memory note store, Copies on the way in and out. */
export class MemoryNoteStore implements LocalNoteStore {
  readonly notes = new Map<string, Note>();
  constructor(notes: Note[] = []) {
    for (const n of notes) this.notes.set(n.id, structuredClone(n));
  }
  async all(): Promise<Note[]> {
    return [...this.notes.values()].map((n) => structuredClone(n));
  }
  async get(ids: string[]): Promise<(Note | undefined)[]> {
    return ids.map((id) => {
      const n = this.notes.get(id);
      return n && structuredClone(n);
    });
  }
  async update(ids: string[], change: (current: (Note | undefined)[]) => (Note | undefined)[]): Promise<void> {
    // Synchronous between read and write, so nothing can edit in between.
    const next = change(ids.map((id) => structuredClone(this.notes.get(id))));
    next.forEach((n) => n && this.notes.set(n.id, structuredClone(n)));
  }
  /** Stores notes as they are (what the notes service does; for tests). */
  async putMany(notes: Note[]): Promise<void> {
    for (const n of notes) this.notes.set(n.id, structuredClone(n));
  }
}

/** An in-memory meta store, */
export class MemoryMetaStore implements MetaStore {
  readonly map = new Map<string, NoteMeta>();
  async all(): Promise<Map<string, NoteMeta>> {
    return new Map([...this.map].map(([k, v]) => [k, structuredClone(v)]));
  }
  async putMany(entries: [string, NoteMeta][]): Promise<void> {
    for (const [id, meta] of entries) this.map.set(id, structuredClone(meta));
  }
}
