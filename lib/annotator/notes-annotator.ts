import { browser } from 'wxt/browser';
import { NOTABLE_TEXT } from '../dom/article-text';
import { readPageText, type ReadOptions } from '../dom/page-text';
import type { Router } from '../messaging/router';
import { call } from '../messaging/runtime';
import { canonicalUrl } from '../dom/canonical-url';
import {
  describeSelectionRoute,
  getNoteAnchorsRoute,
  listPageMarksRoute,
  notesChangedRoute,
  openNoteEditorRoute,
  showNoteRoute,
} from '../notes/note-content-routes';
import type { TextSelectors } from '../anchoring';
import { NotesLayer } from './notes-layer';
import type { PanelFrame } from './panel-frame';
import { panelPath, type PanelState } from './panel-state';
import { SelectionButton } from './selection-button';
import { currentRange, selectorsFor } from './selection';

/** The parts of WXT's content-script context the notes use (all listeners die with the script). */
export type NotesContext = {
  addEventListener(target: EventTarget, type: string, handler: (event: Event) => void): void;
  setTimeout(run: () => void, ms: number): unknown;
  onInvalidated(run: () => void): unknown;
};

/** What the content script hands the notes. */
export type NotesOptions = {
  ctx: NotesContext;
  router: Router;
  panel: PanelFrame;
  /** The live range of a claim on the page, for "Add a note on this claim". */
  claimRange?: (claimId: string) => Range | null;
  /** Other buttons shown beside the selection with the Add note button ("Track this claim"). */
  alongside?: readonly SelectionButton[];
};

/** The notes as the content script sees them: to route clicks and page changes. */
export type Notes = {
  layer: NotesLayer;
  /** True when `node` is the notes' own in-page UI (the selection's buttons). */
  contains(node: Node | null): boolean;
  /**
   * Opens the note under a point in the panel; false when there is none, or when the note is
   * attached to one of `claimIds` (the claims under the same point), whose card lists it.
   */
  openAt(x: number, y: number, claimIds?: readonly string[]): boolean;
  /** What changed in the page (from the page's MutationObserver), for the next read. */
  records(records: Iterable<MutationRecord>): void;
  /** The page's text may have changed: anchor the known notes again. */
  pageChanged(): void;
  /** Hides the selection's buttons (an action on the selection opened the panel). */
  hideButtons(): void;
  /** The reader selected something (show the Add note button now). */
  selectionChanged(): void;
  /** The page's URL changed (single-page navigation): fetch its notes. */
  locationChanged(): void;
  /** Crosscheck was turned on or off for this site. */
  setEnabled(on: boolean): void;
};

/** This page's canonical URL, as notes are filed (canonical link on the same site only). */
const pageSource = () => canonicalUrl(location.href, document.querySelector<HTMLLinkElement>('link[rel=canonical]')?.href);

/**
 * Starts the reader's notes in a page: paints the page's notes and keeps them painted (page
 * changes, notes changed in any tab), shows the Add note button beside a selection, opens the note
 * editor (button, context menu, keyboard command, claim card) and a note's view (click on its
 * highlight), and answers the popup (which notes were not found, the current selection). The
 * content script tells it when the page changes and when the site is turned on or off, so that
 * one observer serves claims and notes alike. It starts off until `setEnabled(true)`.
 */
export function startNotes({ ctx, router, panel, claimRange, alongside = [] }: NotesOptions): Notes {
  // Notes may be on any visible text (unlike claims, nav and footers too); never on our own UI.
  const read: ReadOptions = NOTABLE_TEXT;
  let enabled = false;
  const layer = new NotesLayer({
    fetch: () => {
      const link = document.querySelector<HTMLLinkElement>('link[rel=canonical]');
      return call(listPageMarksRoute, { canonicalHref: link?.href ?? null });
    },
    root: () => document.body,
    read,
    incremental: true,
  });
  const readPage = () => readPageText(document.body, read);

  const openPanel = (state: PanelState, anchor: DOMRect, label: string) =>
    panel.open(browser.runtime.getURL(panelPath(state)), anchor, label);

  /** Opens the editor for a new note on `range` (the selection, or a claim's sentence). */
  const editOn = (range: Range | null, claimId?: string): boolean => {
    const selectors: TextSelectors | null = range && selectorsFor(readPage(), range);
    if (!range || !selectors) return false;
    hideButtons();
    const target = { source: pageSource(), url: location.href, title: document.title.slice(0, 500), ...selectors };
    void openPanel({ mode: 'note', target, ...(claimId ? { claimId } : {}) }, range.getBoundingClientRect(), 'Crosscheck: new note');
    return true;
  };
  const button = new SelectionButton(() => editOn(currentRange()), 'Add Crosscheck note');
  const buttons = [button, ...alongside];
  const hideButtons = () => buttons.forEach((b) => b.hide());

  const openNote = (id: string): boolean => {
    const found = layer.find(id);
    if (!found) return false;
    void openPanel({ mode: 'note', noteId: id }, found.range.getBoundingClientRect(), 'Crosscheck: your note');
    return true;
  };

  router.on(notesChangedRoute, ({ source }) => {
    if (enabled && source === layer.page?.source) void layer.refresh();
    return true;
  });
  router.on(getNoteAnchorsRoute, async () => {
    if (!layer.page) await layer.refresh();
    return { source: layer.page!.source, found: layer.notes.map((n) => n.mark.id), notFound: [...layer.notFound] };
  });
  router.on(describeSelectionRoute, () => {
    const range = currentRange();
    return range && selectorsFor(readPage(), range);
  });
  router.on(showNoteRoute, ({ id }) => {
    layer.find(id)?.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    return openNote(id);
  });
  router.on(openNoteEditorRoute, ({ claimId }) => editOn(claimId ? (claimRange?.(claimId) ?? null) : currentRange(), claimId));

  const followSelection = () => {
    const range = currentRange();
    const inPage = range && document.body.contains(range.commonAncestorContainer) && range.toString().trim() !== '';
    if (enabled && range && inPage) buttons.forEach((b) => b.show(range));
    else hideButtons();
  };
  // The button follows the selection, once it settles (selectionchange fires on every drag step).
  let pending = false;
  ctx.addEventListener(document, 'selectionchange', () => {
    if (pending) return;
    pending = true;
    ctx.setTimeout(() => {
      pending = false;
      followSelection();
    }, 200);
  });
  const refresh = () => void layer.refresh().catch(() => undefined); // no background: nothing to paint
  const setEnabled = (on: boolean) => {
    enabled = on;
    if (on) refresh();
    else {
      hideButtons();
      layer.clear();
    }
  };
  // The button is fixed to the viewport: keep it beside the selection while the page scrolls.
  ctx.addEventListener(window, 'scroll', () => {
    const range = button.isShown ? currentRange() : null;
    if (range) buttons.forEach((b) => b.show(range));
  });
  ctx.onInvalidated(() => {
    hideButtons();
    layer.clear();
  });
  return {
    layer,
    contains: (node) => buttons.some((b) => b.contains(node)),
    openAt: (x, y, claimIds = []) => {
      const [hit] = layer.at(x, y);
      if (!hit || (hit.mark.claimId && claimIds.includes(hit.mark.claimId))) return false;
      return openNote(hit.mark.id);
    },
    records: (records) => layer.invalidate(records),
    pageChanged: () => enabled && void layer.reanchor().catch(() => undefined),
    hideButtons,
    selectionChanged: followSelection,
    locationChanged: () => enabled && refresh(), // a new URL: other notes
    setEnabled,
  };
}
