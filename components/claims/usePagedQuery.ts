import { useState } from 'preact/hooks';
import type { Cursor } from '../../lib/claims/reader-db';
import { useLiveQuery, type Live } from '../notes/useLiveQuery';

/** A query of the reader's store, newest first, as `queryTrackedClaims` and `queryFactChecks` take one. */
export type PagedQuery<T> = (q: { text: string; limit: number; after?: Cursor }) => Promise<T[]>;

/** One page of a list, and the way to the pages either side. */
export interface Paged<T> {
  live: Live<T[]>;
  items: T[];
  /** From 1. */
  page: number;
  hasNext: boolean;
  next: () => void;
  previous: () => void;
}

/**
 * A list of the reader's store a page at a time, newest first: each page read from where the last
 * one ended (a cursor), so the tenth page of 100,000 items costs what the first does. The page is
 * live: an edit, a delete or a claim tracked in a tab shows at once. A new search starts again at page 1.
 */
export function usePagedQuery<T extends { id: string; modified: number }>(query: PagedQuery<T>, text: string, pageSize: number): Paged<T> {
  const [state, setState] = useState<{ text: string; cursors: Cursor[] }>({ text, cursors: [] });
  const cursors = state.text === text ? state.cursors : [];
  const after = cursors.at(-1);
  // One more than a page tells whether there is a next one.
  const live = useLiveQuery(() => query({ text, limit: pageSize + 1, ...(after ? { after } : {}) }), [text, after?.modified, after?.id]);
  const items = live.status === 'ready' ? live.value.slice(0, pageSize) : [];
  const last = items.at(-1);
  return {
    live,
    items,
    page: cursors.length + 1,
    hasNext: live.status === 'ready' && live.value.length > pageSize,
    next: () => last && setState({ text, cursors: [...cursors, { modified: last.modified, id: last.id }] }),
    previous: () => setState({ text, cursors: cursors.slice(0, -1) }),
  };
}
