import { Histories } from '@/lib/sync/histories';
import { MemoryMetaStore, MemoryNoteStore } from '../../sync/support/memory-stores';
import { Serial } from '@/lib/sync/serial';
import { DavClient } from '@/lib/webdav/client';
import { WebDavEngine } from '@/lib/webdav/engine';
import { setupLibrary, type SavedLibrary } from '@/lib/webdav/library';
import { MemoryStateStore } from '@/lib/webdav/state';
import type { Note } from '@/lib/notes/schema';
import type { FakeDav } from './fake-dav';

/** A simulated device syncing through a WebDAV server (fake or real). */
export type DavDevice = {
  id: string;
  store: MemoryNoteStore;
  state: MemoryStateStore;
  client: DavClient;
  engine: WebDavEngine;
  /** Creates or edits a note as the notes service would (fresh time, this device's id). */
  write(id: string, text: string): Note;
  remove(id: string): void;
  /** The live notes' texts by id. */
  texts(): Map<string, string>;
};

let clock = 1_700_000_000_000;
const tick = () => (clock += 1_000);

/** A device on `dav`'s folder, joined to `library` (set up once with `joinLibrary`). */
export function davDevice(
  id: string,
  account: { url: string; username: string; password: string; fetch: typeof fetch },
  library: SavedLibrary,
  /** Waits between tries of a refused write: none (the fake server needs none), or the engine's own. */
  backoff: 'none' | 'engine' = 'none',
): DavDevice {
  const store = new MemoryNoteStore();
  const state = new MemoryStateStore();
  const client = new DavClient(account, account.fetch);
  const engine = new WebDavEngine({
    client, library, store, state, histories: new Histories(new MemoryMetaStore()), serial: new Serial(),
    server: new URL(account.url).origin, debounceMs: 60_000, now: () => clock, ...(backoff === 'none' ? { backoff: async () => undefined } : {}),
  });
  return {
    id, store, state, client, engine,
    write(noteId, text) {
      const at = tick();
      const old = store.notes.get(noteId);
      const note: Note = old
        ? { ...old, body: { ...old.body, text }, modified: at, deviceId: id, deleted: false }
        : {
            id: noteId,
            target: { source: 'https://news.example/story', url: 'https://news.example/story', title: 'A story', quote: { type: 'TextQuoteSelector', exact: 'quoted words', prefix: '', suffix: '' } },
            body: { text, tags: ['t'], color: 'yellow' }, created: at, modified: at, deviceId: id, deleted: false, conflicts: [],
          };
      store.notes.set(noteId, note);
      return note;
    },
    remove(noteId) {
      const old = store.notes.get(noteId)!;
      store.notes.set(noteId, { ...old, modified: tick(), deviceId: id, deleted: true });
    },
    texts() {
      return new Map([...store.notes.values()].filter((n) => !n.deleted).map((n) => [n.id, n.body.text]));
    },
  };
}

/** Sets the fake server's library up (encrypted with `passphrase`, or in clear with null). */
export function fakeAccount(dav: FakeDav) {
  return { url: dav.url, username: dav.user, password: dav.password, fetch: dav.fetch as typeof fetch };
}

export async function joinLibrary(account: ReturnType<typeof fakeAccount>, passphrase: string | null): Promise<SavedLibrary> {
  return setupLibrary(new DavClient(account, account.fetch), passphrase);
}

/** Note ids that sort as their number, for readable tests. */
export const noteId = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
