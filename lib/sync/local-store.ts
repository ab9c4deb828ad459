import type { Note } from '../notes/schema';
import type { NoteMeta } from './schema';

/**
 * What sync needs from the place notes live on this device (the Dexie table in the extension,
 * a Map in tests), and where it keeps its own per-note bookkeeping. Sync never deletes a local
 * note: it only writes merged versions back.
 */

/** This device's notes, tombstones included. */
export interface LocalNoteStore {
  all(): Promise<Note[]>;
  get(ids: string[]): Promise<(Note | undefined)[]>;
  /**
   * Reads the notes `ids`, passes them to `change` and stores what it returns (undefined: leave
   * that note alone), atomically: an edit made by the reader meanwhile must not be overwritten
   * by a merge computed from the note as it was before (a lost update).
   */
  update(ids: string[], change: (current: (Note | undefined)[]) => (Note | undefined)[]): Promise<void>;
}

/** Sync's bookkeeping per note (the histories of its versions); survives restarts. */
export interface MetaStore {
  all(): Promise<Map<string, NoteMeta>>;
  putMany(entries: [string, NoteMeta][]): Promise<void>;
}

/** An in-memory note store, for tests and benchmarks. Copies on the way in and out. */
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

/** An in-memory meta store, for tests and benchmarks. */
export class MemoryMetaStore implements MetaStore {
  readonly map = new Map<string, NoteMeta>();
  async all(): Promise<Map<string, NoteMeta>> {
    return new Map([...this.map].map(([k, v]) => [k, structuredClone(v)]));
  }
  async putMany(entries: [string, NoteMeta][]): Promise<void> {
    for (const [id, meta] of entries) this.map.set(id, structuredClone(meta));
  }
}
