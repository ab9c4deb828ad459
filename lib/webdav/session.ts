import type { Histories } from '../sync/histories';
import type { LocalNoteStore } from '../sync/local-store';
import { mergeRemoteNotes } from '../sync/remote-merge';
import type { SyncEntry } from '../sync/schema';
import type { Serial } from '../sync/serial';
import { errorMessage } from '../error-message';
import type { DavClient } from './client';
import { DavError } from './problems';
import { MAX_NOTE_BYTES, noteName, type Index, type ObjectCodec } from './layout';
import { entryHash, type DavProgress, type DavStateStore, type RemoteView } from './state';

/**
 * One sync with the library: the open client and codec, this device's progress and views, and
 * the two steps every part of a sync shares: fetching a note, and merging fetched notes into the
 * local store (through sync's own merge, under the transports' shared lock, the histories
 * recorded once the write has committed) and remembering what the server held.
 */

/** A note as fetched: its decoded entry, or why it could not be read; with its ETag. */
export type Fetched = { id: string; etag: string | null; entry: SyncEntry } | { id: string; etag: string | null; error: string };

/** What the dependencies of a session are. */
export type SessionDeps = {
  client: DavClient;
  codec: ObjectCodec;
  store: LocalNoteStore;
  histories: Histories;
  serial: Serial;
  state: DavStateStore;
  now: () => number;
  /** Requests in flight at once. */
  concurrency: number;
  /** Waits before retrying a conditional write that lost (Apache's ETags settle after a second). */
  backoff: (attempt: number) => Promise<void>;
};

/** Hash recorded for a note the server holds but no device could read: any local version replaces it. */
export const UNREADABLE = 'unreadable';

/** Runs `fn` over `items`, `limit` at a time; rejects with the first failure once all settle. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  let failure: { err: unknown } | undefined;
  const worker = async () => {
    while (next < items.length && !failure) {
      const i = next++;
      try {
        out[i] = await fn(items[i]!);
      } catch (err) {
        failure ??= { err };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw failure.err;
  return out;
}

export class Session {
  /** The index as last read or written (null: none on the server), and its ETag. */
  index: { value: Index | null; etag: string | null; exists: boolean } = { value: null, etag: null, exists: false };
  /** Notes on the server that could not be read, in words. */
  readonly unreadable: string[] = [];
  /** Notes a merge changed here, and their pages: for the change notice. */
  readonly ids = new Set<string>();
  readonly sources = new Set<string>();

  constructor(
    readonly d: SessionDeps,
    readonly library: string,
    public progress: DavProgress,
    readonly views: Map<string, RemoteView>,
  ) {}

  /** Fetches one note; undefined when the server has none by that name. */
  async fetchNote(id: string): Promise<Fetched | undefined> {
    let got;
    try {
      got = await this.d.client.get(noteName(id), MAX_NOTE_BYTES);
    } catch (err) {
      // Larger than any note can be: unreadable, like a note that does not decode.
      if (err instanceof DavError && err.problem === 'too-large') return { id, etag: null, error: `note ${id} on the server could not be read (${err.message})` };
      throw err;
    }
    if (got.status !== 200) return undefined;
    try {
      return { id, etag: got.etag, entry: await this.d.codec.decodeNote(id, got.body) };
    } catch (err) {
      return { id, etag: got.etag, error: `note ${id} on the server could not be read (${errorMessage(err)})` };
    }
  }

  /**
   * Merges fetched notes into the local store and remembers what the server holds for each. A
   * note left unmerged (edited here meanwhile) keeps its old view, so its next write is refused
   * and it is read again; an unreadable one is marked so this device's version replaces it.
   */
  async merge(fetched: Fetched[]): Promise<void> {
    const readable = fetched.filter((f): f is Extract<Fetched, { entry: SyncEntry }> => 'entry' in f);
    const views: [string, RemoteView][] = [];
    for (const f of fetched) if ('error' in f) {
      this.unreadable.push(f.error);
      views.push([f.id, { etag: f.etag, hash: UNREADABLE }]);
    }
    if (readable.length) {
      const result = await this.d.serial.run(async () => {
        const merged = await mergeRemoteNotes(this.d.store, readable.map((f) => [f.id, f.entry]), this.d.histories.known);
        await this.d.histories.record(merged.metas);
        return merged;
      });
      result.ids.forEach((id) => this.ids.add(id));
      result.sources.forEach((s) => this.sources.add(s));
      this.unreadable.push(...result.errors);
      for (const f of readable) if (!result.unmerged.has(f.id)) views.push([f.id, { etag: f.etag, hash: entryHash(f.entry) }]);
    }
    await this.remember(views);
  }

  /** Records views, in memory and in the state store. */
  async remember(views: [string, RemoteView | null][]): Promise<void> {
    if (!views.length) return;
    for (const [id, v] of views) {
      if (v) this.views.set(id, v);
      else this.views.delete(id);
    }
    await this.d.state.saveViews(this.library, views);
  }

  /** Saves the progress. */
  async saveProgress(patch: Partial<DavProgress>): Promise<void> {
    this.progress = { ...this.progress, ...patch };
    await this.d.state.saveProgress(this.progress);
  }
}
