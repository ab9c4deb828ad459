import { browser } from 'wxt/browser';
import type { Reply, Sender } from '../messaging/route';
import { Router } from '../messaging/router';
import { call, selfIdentity } from '../messaging/runtime';
import { claimsChangedRoute, closePanelRoute, describePageRoute, issuePanelTicketRoute, showClaimRoute, siteSwitchedRoute, stepClaimRoute } from '../pages/page-routes';
import type { ClaimMatch } from '../matcher/schema';
import { paintModeRoute } from '../pages/paint-content-routes';
import type { ClaimsLayer, PaintedSpan } from './claims-layer';
import type { Lifetime } from './lifetime';
import { startTracking } from './claim-tracker';
import { startNotes } from './notes-annotator';
import { pageClaimReviews } from '../claims/page-jsonld';
import { pageClaimReviewsRoute } from '../factchecks/factcheck-content-routes';
import { PanelFrame } from './panel-frame';
import { panelPath } from './panel-state';

/** What the content script's first part hands its UI part. */
export type PageApi = {
  claims: ClaimsLayer;
  lifetime: Lifetime;
  /** Whether Crosscheck is on for this site. */
  enabled: () => boolean;
  /** The background switched the site on or off. */
  setEnabled: (on: boolean) => void;
};

/** The UI part, as the first part drives it. */
export type PageUi = {
  /** Answers a message from the extension (popup, background, panel), or not (undefined). */
  dispatch(message: unknown, sender: Sender): Promise<Reply | undefined>;
  /** A click on the page: closes the panel, opens a note or a claim card under it. */
  click(event: MouseEvent): void;
  /** Opens the card of painted passages (a click on them, before this part was loaded). */
  openSpans(spans: readonly PaintedSpan[]): void;
  records(records: MutationRecord[]): void;
  pageChanged(): void;
  locationChanged(): void;
  selectionChanged(): void;
  setEnabled(on: boolean): void;
};

/**
 * The content script's UI, loaded when there is something to show: the claim card and the note
 * editor in the in-page panel, the reader's notes, the Add note button, and the answers to the
 * popup's and the background's messages (validated with zod, which only this part loads).
 */
export function startUi({ claims, lifetime, enabled, setEnabled }: PageApi): PageUi {
  const panel = new PanelFrame(async () => (await call(issuePanelTicketRoute, {})).ticket);
  const router = new Router(selfIdentity());
  const openCard = (found: readonly ClaimMatch[], anchor: DOMRect) => {
    if (found.length === 0) return;
    const path = panelPath({ mode: 'claims', claims: found.slice(0, 20) });
    void panel.open(browser.runtime.getURL(path), anchor, 'Crosscheck: sources for this claim');
  };
  let cursor = -1; // the claim the keyboard shortcut last moved to
  const show = (index: number) => {
    const found = claims.claims[index];
    if (!found) return false;
    cursor = index;
    found.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    openCard(found.span.claims, found.range.getBoundingClientRect()); // the card lists every claim of the passage
    return true;
  };
  router.on(showClaimRoute, ({ index }) => show(index));
  router.on(stepClaimRoute, ({ step }) => {
    const count = claims.claims.length;
    return count > 0 && show((((cursor + step) % count) + count) % count);
  });
  router.on(closePanelRoute, () => {
    panel.close();
    return true;
  });
  router.on(describePageRoute, () => ({ url: location.href, title: document.title.slice(0, 1000), words: claims.wordCount }));
  router.on(pageClaimReviewsRoute, () => pageClaimReviews(document, location.href));
  router.on(claimsChangedRoute, () => {
    if (enabled()) void claims.claimsChanged().catch(() => undefined);
    return true;
  });
  router.on(siteSwitchedRoute, ({ enabled: on }) => {
    setEnabled(on);
    return true;
  });
  router.on(paintModeRoute, ({ mode }) => {
    claims.setPaintMode(mode);
    return true;
  });
  const tracking = startTracking({ router, panel, claims: () => claims.claims, hideButtons: () => notes.hideButtons() });
  const notes = startNotes({
    ctx: lifetime,
    router,
    panel,
    claimRange: (id) => claims.claims.find((f) => f.claim.claimId === id)?.range ?? null,
    alongside: [tracking.button],
  });
  notes.setEnabled(enabled());
  lifetime.addEventListener(document, 'keydown', (event) => {
    if ((event as KeyboardEvent).key === 'Escape' && panel.isOpen) panel.close();
  });
  lifetime.onInvalidated(() => panel.close(false));
  const openSpans = (spans: readonly PaintedSpan[]) => {
    if (spans.length > 0) openCard(spans.flatMap((s) => s.claims), spans[0]!.range.getBoundingClientRect());
  };
  return {
    dispatch: (message, sender) => router.dispatch(message, sender),
    click(event) {
      if (panel.contains(event.target as Node) || notes.contains(event.target as Node)) return;
      panel.close(false);
      if (!enabled() || !getSelection()?.isCollapsed) return; // the reader is selecting text
      const found = claims.at(event.clientX, event.clientY);
      // The reader's own notes come first, unless the note is on this claim: its card lists it.
      const stated = found.flatMap((span) => span.claims.map((c) => c.claimId));
      if (notes.openAt(event.clientX, event.clientY, stated)) return;
      openSpans(found);
    },
    openSpans,
    records: (records) => notes.records(records),
    pageChanged: () => notes.pageChanged(),
    locationChanged: () => notes.locationChanged(),
    selectionChanged: () => notes.selectionChanged(),
    setEnabled(on) {
      notes.setEnabled(on);
      if (!on) panel.close(false);
    },
  };
}
