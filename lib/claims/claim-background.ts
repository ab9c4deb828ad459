import type { Router } from '../messaging/router';
import { callTab } from '../messaging/runtime';
import { addSelectionAction } from '../messaging/selection-action';
import { registerClaimRoutes, type ClaimRoutesDeps } from './claim-handlers';
import { describeSightingsRoute, trackSelectionRoute } from './claim-routes';
import { SightingRecorder, type SeenMatch } from './sighting-recorder';

/** The manifest command (wxt.config.ts) that tracks the selected sentence as a claim. */
export const TRACK_CLAIM_COMMAND = 'track-claim';
const MENU_ID = 'crosscheck-track-claim';

/** Asks a tab's content script (top frame) to track the current selection. */
function trackIn(tabId: number | undefined): void {
  if (tabId !== undefined) void callTab(tabId, trackSelectionRoute, {}).catch(() => undefined);
}

/** The claim-tracking part of the background, as the rest of it uses it. */
export type ClaimTracking = {
  /** A tab reported its page's matches: record the tracked claims it states (see SightingRecorder). */
  reported(tabId: number, page: { url: string; claims: readonly SeenMatch[] }): void;
};

/**
 * "Track this claim" in the background: the route that stores a tracked claim, the context-menu
 * entry and the keyboard command (both ask the tab to track its selection), and the sightings of
 * tracked claims on the pages tabs report. Listeners are added synchronously, as an MV3 worker
 * requires.
 */
export function startClaimTracking(router: Router, { db, facts }: Omit<ClaimRoutesDeps, 'ctx'>): ClaimTracking {
  const ctx = { now: Date.now };
  registerClaimRoutes(router, { db, ctx, ...(facts ? { facts } : {}) });
  const recorder = new SightingRecorder({ db, ctx, ask: (tabId, claimIds) => callTab(tabId, describeSightingsRoute, { claimIds }) });

  addSelectionAction({ menuId: MENU_ID, title: 'Track this claim with Crosscheck', command: TRACK_CLAIM_COMMAND, run: trackIn });
  return {
    reported: (tabId, page) => void recorder.seen(tabId, page.url, page.claims),
  };
}
