import type { WriteFailure } from './area';
import type { NoteSyncState, SyncStatus } from './schema';
import { errorMessage } from '../error-message';

/**
 * The engine's observable state: where each note stands, the counts and the last problem in
 * plain words, for the status line in the popup and the options page.
 */

/** Says what went wrong with a write, for the reader; their notes (or `noun`s) are always safe locally. */
export function describeFailure(kind: WriteFailure, err: unknown, waiting: number, noun = 'note'): string {
  const notes = `${waiting} ${noun}${waiting === 1 ? '' : 's'}`;
  if (kind === 'quota') {
    return `Browser sync storage is full, so ${notes} could not be synced. ${waiting === 1 ? 'It is' : 'They are'} safe on this device.`;
  }
  if (kind === 'rate') {
    return `The browser limits how often sync may write; ${notes} will sync in about a minute.`;
  }
  const reason = errorMessage(err);
  return `Sync could not write (${reason}); ${notes} ${waiting === 1 ? 'is' : 'are'} safe on this device and will be retried.`;
}

/** Says that a sync task failed for a reason other than the area's limits (the notes database, say). */
export function describeTaskFailure(err: unknown, noun = 'note'): string {
  return `Sync could not finish (${errorMessage(err)}). Your ${noun}s are safe on this device; it will try again shortly.`;
}

/** Holds the status and per-note states and tells subscribers when they change. */
export class SyncStatusModel {
  private current: SyncStatus;
  private perNote = new Map<string, NoteSyncState>();
  private writeError: string | null = null;
  private readError: string | null = null;
  private taskError: string | null = null;
  private readonly listeners = new Set<(s: SyncStatus) => void>();

  constructor(enabled: boolean) {
    this.current = { enabled, lastSyncedAt: null, pending: 0, overQuota: 0, error: null };
  }

  /** The current status (a copy). */
  status(): SyncStatus {
    return { ...this.current };
  }

  /** The per-note states (a copy). */
  states(): ReadonlyMap<string, NoteSyncState> {
    return new Map(this.perNote);
  }

  /** Changes fields of the status and notifies. */
  update(patch: Partial<SyncStatus>): void {
    this.current = { ...this.current, ...patch };
    this.emit();
  }

  /** Records why a synced note could not be read (null: all readable). */
  setReadError(error: string | null): void {
    if (error === this.readError) return;
    this.readError = error;
    this.update({ error: this.shownError() });
  }

  /** Records why the last task failed (null: it succeeded). */
  setTaskError(error: string | null): void {
    if (error === this.taskError) return;
    this.taskError = error;
    this.update({ error: this.shownError() });
  }

  /** The one problem the status line shows: a refused write, then a failed task, then a bad item. */
  private shownError(): string | null {
    return this.writeError ?? this.taskError ?? this.readError;
  }

  /**
   * Replaces the per-note states after a write attempt; `syncedAt` when it succeeded. Deleted
   * notes (`deleted`) keep their state but are not in the over-quota figure: the reader is told
   * how many of the notes they can see are kept on this device only.
   */
  setStates(states: Map<string, NoteSyncState>, writeError: string | null, syncedAt?: number, deleted: ReadonlySet<string> = new Set()): void {
    this.perNote = new Map(states);
    this.writeError = writeError;
    let pending = 0;
    let overQuota = 0;
    for (const [id, s] of states) {
      if (s === 'pending') pending++;
      else if (s === 'over-quota' && !deleted.has(id)) overQuota++;
    }
    const lastSyncedAt = syncedAt !== undefined && pending === 0 ? syncedAt : this.current.lastSyncedAt;
    this.update({ pending, overQuota, lastSyncedAt, error: this.shownError() });
  }

  /** Subscribes to changes; returns the unsubscribe function. */
  subscribe(listener: (s: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    const s = this.status();
    for (const l of this.listeners) l(s);
  }
}
