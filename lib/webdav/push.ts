import type { SyncEntry } from '../sync/schema';
import { appendToIndex, INDEX_NAME, noteName } from './layout';
import { DavError } from './problems';
import { pull } from './pull';
import { mapLimit, type Session } from './session';
import { entryHash } from './state';

/**
 * Writing the library: every note whose version here differs from what the server was last seen
 * to hold is written with a condition (If-Match on the ETag seen, If-None-Match: * when new), so
 * a write never replaces a version this device has not merged. A refused write (412) reads the
 * note again, merges it here and tries once more. The notes written are then announced in the
 * index, also conditionally; a refused index write reads the new index, merges what it names,
 * and appends again. A note is recorded as about to be written before it is, so a sync cut off
 * between the two announces it next time.
 */

/** Tries at one note or at the index before leaving it for the next sync. */
export const ATTEMPTS = 5;

/** What a write pass left: notes still waiting (a write kept losing; the next sync tries again). */
export type PushResult = { waiting: number };

/** This device's notes as sync entries, read under the transports' lock. */
async function localEntries(s: Session, ids?: string[]): Promise<SyncEntry[]> {
  return s.d.serial.run(async () => {
    const notes = ids ? (await s.d.store.get(ids)).filter((n) => n !== undefined) : await s.d.store.all();
    return s.d.histories.entriesOf(notes);
  });
}

/** The notes here whose version the server does not hold. */
export async function dirtyEntries(s: Session): Promise<SyncEntry[]> {
  return (await localEntries(s)).filter((e) => s.views.get(e.id)?.hash !== entryHash(e));
}

/** Writes `dirty` notes to the server; resolves with how many still wait. */
export async function writeNotes(s: Session, dirty: SyncEntry[]): Promise<PushResult> {
  if (!dirty.length) return { waiting: 0 };
  const known = new Set(s.progress.unannounced);
  const fresh = dirty.map((e) => e.id).filter((id) => !known.has(id));
  if (fresh.length) await s.saveProgress({ unannounced: [...s.progress.unannounced, ...fresh] });
  const done = await mapLimit(dirty, s.d.concurrency, (entry) => writeNote(s, entry));
  return { waiting: done.filter((ok) => !ok).length };
}

/** Writes one note; false when it kept losing to other devices' writes. */
async function writeNote(s: Session, first: SyncEntry): Promise<boolean> {
  let entry: SyncEntry | undefined = first;
  for (let attempt = 0; attempt < ATTEMPTS && entry; attempt++) {
    const view = s.views.get(entry.id);
    const hash = entryHash(entry);
    if (view?.hash === hash) return true;
    // Written here without an ETag back: read it before replacing it, never blind.
    if (view && view.etag === null) {
      entry = await reread(s, entry.id);
      continue;
    }
    try {
      const body = await s.d.codec.encodeNote(entry);
      const etag = await s.d.client.put(noteName(entry.id), body, s.d.codec.contentType, view ? { ifMatch: view.etag! } : { ifNoneMatch: '*' });
      await s.remember([[entry.id, { etag, hash }]]);
      return true;
    } catch (err) {
      if (!(err instanceof DavError && err.problem === 'precondition')) throw err;
      await s.d.backoff(attempt);
      entry = await reread(s, entry.id);
    }
  }
  return entry === undefined;
}

/** Reads a note from the server, merges it here, and returns this device's version now. */
async function reread(s: Session, id: string): Promise<SyncEntry | undefined> {
  const fetched = await s.fetchNote(id);
  if (fetched) await s.merge([fetched]);
  else await s.remember([[id, null]]); // gone from the server: it is created again
  return (await localEntries(s, [id]))[0];
}

/** Announces the notes written (or about to be) in the index; true once it is written. */
export async function announce(s: Session): Promise<boolean> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const ids = s.progress.unannounced;
    if (!ids.length) return true;
    const next = appendToIndex(s.index.value, ids);
    const condition = s.index.exists ? (s.index.etag ? { ifMatch: s.index.etag } : undefined) : { ifNoneMatch: '*' as const };
    try {
      // An index this device wrote without an ETag back is read again before it is replaced.
      if (!condition) throw new DavError('precondition', 'the index has no known ETag');
      const etag = await s.d.client.put(INDEX_NAME, await s.d.codec.encode(INDEX_NAME, next), s.d.codec.contentType, condition);
      s.index = { value: next, etag, exists: true };
      const written = new Set(ids);
      await s.saveProgress({ seq: next.seq, indexEtag: etag, unannounced: s.progress.unannounced.filter((id) => !written.has(id)) });
      return true;
    } catch (err) {
      if (!(err instanceof DavError && err.problem === 'precondition')) throw err;
      if (condition) await s.d.backoff(attempt);
      s.index.exists = false; // read it in full: the next pull sends no If-None-Match
      await pull(s);
    }
  }
  return false;
}
