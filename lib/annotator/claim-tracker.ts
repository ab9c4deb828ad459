import { browser } from 'wxt/browser';
import { NOTABLE_TEXT } from '../dom/article-text';
import { readPageText } from '../dom/page-text';
import { describeSightingsRoute, trackClaimRoute, trackSelectionRoute } from '../claims/claim-routes';
import { readPageSource } from '../claims/page-source';
import { errorMessage } from '../error-message';
import type { Router } from '../messaging/router';
import { call } from '../messaging/runtime';
import type { FoundClaim } from './claims-layer';
import type { PanelFrame } from './panel-frame';
import { panelPath, type PanelState } from './panel-state';
import { SelectionButton, TRACK_BUTTON_TAG } from './selection-button';
import { currentRange, selectorsFor } from './selection';

export type TrackerOptions = {
  router: Router;
  panel: PanelFrame;
  /** The claims painted on the page, to say where a tracked claim is stated here. */
  claims: () => readonly FoundClaim[];
  /** Hides every button beside the selection once the panel opens on it. */
  hideButtons: () => void;
};

/** The page's source, or null where it cannot be read (not an http(s) page). */
function pageSource() {
  try {
    return readPageSource(document, location.href);
  } catch {
    return null;
  }
}

/**
 * "Track this claim" in the page: a button beside the selection (shown with the Add note button),
 * and the answers to the background (the context menu and the shortcut ask to track the
 * selection; a page stating tracked claims is asked where). Tracking sends the selection's words
 * with the page's source to the background, which stores the claim; the panel then opens on it, for
 * the reader to word the statement and choose its type, or says why it could not be tracked.
 */
export function startTracking({ router, panel, claims, hideButtons }: TrackerOptions): { button: SelectionButton } {
  const readPage = () => readPageText(document.body, NOTABLE_TEXT);
  const open = (state: PanelState, anchor: DOMRect) =>
    panel.open(browser.runtime.getURL(panelPath(state)), anchor, 'Crosscheck: tracked claim');

  const track = (range: Range | null): boolean => {
    const selectors = range && selectorsFor(readPage(), range);
    if (!range || !selectors) return false;
    hideButtons();
    const anchor = range.getBoundingClientRect();
    const page = pageSource();
    if (!page) {
      void open({ mode: 'tracked', error: 'Crosscheck cannot read where this page comes from.' }, anchor);
      return true;
    }
    void call(trackClaimRoute, { page, ...selectors }).then(
      ({ id }) => open({ mode: 'tracked', claimId: id }, anchor),
      (error: unknown) => open({ mode: 'tracked', error: `Could not track this claim: ${errorMessage(error)}`.slice(0, 2000) }, anchor),
    );
    return true;
  };
  const button = new SelectionButton(() => track(currentRange()), 'Track this claim with Crosscheck', {
    tag: TRACK_BUTTON_TAG,
    glyph: '◎',
    slot: 1,
  });

  router.on(trackSelectionRoute, () => track(currentRange()));
  router.on(describeSightingsRoute, ({ claimIds }) => {
    const page = pageSource();
    if (!page) throw new Error('This page has no source to describe.');
    const text = readPage();
    const found = claimIds.flatMap((claimId) => {
      const painted = claims().find((f) => f.claim.claimId === claimId);
      const selectors = painted && selectorsFor(text, painted.range);
      return selectors ? [{ claimId, ...selectors }] : [];
    });
    return { page, found };
  });
  return { button };
}
