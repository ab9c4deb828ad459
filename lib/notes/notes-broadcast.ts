import { browser } from 'wxt/browser';
import { envelope } from '../messaging/router';
import { TabPages } from '../messaging/tab-pages';
import { notesChangedRoute } from './note-content-routes';

/** The part of `browser.tabs` the broadcast needs. */
export type TabsApi = { sendMessage(tabId: number, message: unknown): Promise<unknown> };

/** What a write changed: the notes (ids, tombstones included) and their pages (canonical URLs). */
export type NotesChange = { ids: string[]; sources: string[] };

/**
 * The one change notice: every writer of the notes database in the background (the note routes,
 * an import, each sync transport's merges) calls `changed`, and every reader that must follow
 * (the tabs' repaint, each sync transport) listens. Extension pages write through the routes,
 * never to the database directly, and follow it with Dexie's live queries.
 */
export type NotesNotice = {
  changed(change: NotesChange): void;
  /** Calls `listener` with every change from now on; returns the remover. */
  listen(listener: (change: NotesChange) => void): () => void;
};

/** A notice with no listener yet. A listener that throws does not keep the others from hearing. */
export function createNotesNotice(): NotesNotice {
  const listeners = new Set<(change: NotesChange) => void>();
  return {
    changed(change) {
      if (change.ids.length === 0 && change.sources.length === 0) return;
      for (const l of listeners) {
        try {
          l(change);
        } catch (err) {
          console.error('A notes change listener failed', err);
        }
      }
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * Joins a sync transport to the notice: it hears every change but its own, and tells its merges.
 * Hearing its own merges would make it sync again for nothing, and a merge that writes a note
 * again each time it runs would never stop.
 */
export function joinNotice(notice: NotesNotice, hear: (change: NotesChange) => void): { tell: (change: NotesChange) => void; leave: () => void } {
  let own: NotesChange | undefined;
  const leave = notice.listen((change) => {
    if (change !== own) hear(change);
  });
  const tell = (change: NotesChange) => {
    own = change; // listeners are called synchronously
    try {
      notice.changed(change);
    } finally {
      own = undefined;
    }
  };
  return { tell, leave };
}

/**
 * Tells the content scripts of the tabs showing a page that its notes changed, so that a note saved
 * in one tab is painted in every other tab of the same page at once. Only those tabs hear of it: no
 * page learns which other pages the reader has notes on. Tabs that refuse (closed meanwhile) are
 * ignored.
 */
export function broadcastNotesChanged(tabs: TabsApi, pages = new TabPages(browser.storage.session)): (change: Pick<NotesChange, 'sources'>) => void {
  return ({ sources }) => {
    if (sources.length === 0) return;
    const wanted = new Set(sources);
    void pages.all().then((all) => {
      for (const [tabId, { source }] of all) {
        if (source && wanted.has(source)) tabs.sendMessage(tabId, envelope(notesChangedRoute, { source })).catch(() => undefined);
      }
    }, () => undefined);
  };
}
