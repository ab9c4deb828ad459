import * as z from 'zod/mini';
import { defineRoute } from '../messaging/route';
import { ClaimMatchFieldsSchema } from '../matcher/schema';
import { PaintModeSchema } from '../settings/paint-mode';
import { TabStateSchema } from './page-schema';
import { CONTEXT_CHARS, MAX_BATCH_CHARS, MAX_BATCH_UNITS, MAX_KEYS, MAX_UNIT_CHARS } from './wire';

/** A match as the background returns it to a page (its text stays in the page). */
const WireMatchSchema = z.omit(ClaimMatchFieldsSchema, { text: true });

/** The answer for a unit of text sent: its matches, and the key it is known by when it has any (the page reports it by that key). */
const UnitAnswerSchema = z.object({ matches: z.array(WireMatchSchema), key: z.optional(z.string().check(z.maxLength(32))) });

/** Units of page text to match, within the limits a request may carry (see wire.ts). */
const UnitsSchema = z
  .array(z.object({ text: z.string().check(z.maxLength(MAX_UNIT_CHARS)), context: z.optional(z.string().check(z.maxLength(CONTEXT_CHARS))) }))
  .check(
    z.maxLength(MAX_BATCH_UNITS),
    z.refine((units) => units.reduce((n, u) => n + u.text.length + (u.context?.length ?? 0), 0) <= MAX_BATCH_CHARS, {
      message: `at most ${MAX_BATCH_CHARS} characters of text at once`,
    }),
  );

/**
 * Content script → background, as a page starts loading: nothing to do but be heard. A background
 * worker stops after 30 s idle, and one started by this message loads the lexicon and the claims
 * (pages-background.ts) while the page loads, rather than after it, when its text is sent.
 */
export const pageLoadingRoute = defineRoute({
  name: 'pageLoading',
  from: 'content',
  request: z.object({}),
  response: z.null(),
});

/**
 * Content script → background: whether Crosscheck is on for the page's site (and how much it
 * paints there), which of these units of page text (by key, see wire.ts) it has matched already,
 * and the matches of these `units` of text (a short page sends its text at once: one question, one
 * answer; a long one asks by keys first). Keys are looked up among the units of the sender's own origin only, so that a page
 * cannot learn what the reader read elsewhere. With `page` (a page's first question, and after a
 * single-page navigation), the background also notes which page the tab shows (its URL taken on
 * the sender's own origin only) and says whether the page has notes of the reader's.
 */
export const lookupBlocksRoute = defineRoute({
  name: 'lookupBlocks',
  from: 'content',
  request: z.object({
    keys: z.array(z.string().check(z.maxLength(32))).check(z.maxLength(MAX_KEYS)),
    units: UnitsSchema,
    page: z.optional(z.object({ url: z.string().check(z.maxLength(4096)), canonicalHref: z.nullable(z.string().check(z.maxLength(4096))) })),
  }),
  response: z.object({
    enabled: z.boolean(),
    /** How much of what is found the page paints (see paintModeRoute). */
    paint: PaintModeSchema,
    notes: z.boolean(),
    known: z.array(z.nullable(z.array(WireMatchSchema))),
    matched: z.array(UnitAnswerSchema),
  }),
});

/**
 * Background → content script: what the page is (for the popup, when the page had no claims to
 * report). Its UI part answers.
 */
export const describePageRoute = defineRoute({
  name: 'describePage',
  from: 'extension',
  request: z.object({}),
  response: z.object({ url: z.string(), title: z.string(), words: z.int().check(z.nonnegative()) }),
});

/**
 * Content script → background: find the database's claims in these units of page text. Each unit
 * is matched with its look-ahead (`context`, or when it is left out the start of the next unit
 * sent), and only the matches that start in the unit come back, with the unit's key where there are
 * any (the page reports those units by it, and so never hashes its text). The matcher and its index live in
 * the background, built once for the browser, and out of the script injected into every page.
 * `first`: the first screen's units, which go before other tabs' backlogs.
 */
export const matchBlocksRoute = defineRoute({
  name: 'matchBlocks',
  from: 'content',
  request: z.object({ units: UnitsSchema, first: z.boolean() }),
  response: z.array(UnitAnswerSchema),
});

/**
 * Content script → background, when the page has claims (or had, to clear them): "this tab shows
 * this page: these units carry its claims, starting at these offsets". The background puts the claims together from the units it matched (the page's
 * text is not sent again); it answers with the keys it no longer has, which the page sends again.
 * The URL is taken only on the sender's own origin (Chromium's `sender.url` misses `pushState`).
 */
export const reportPageRoute = defineRoute({
  name: 'reportPage',
  from: 'content',
  request: z.object({
    url: z.string().check(z.maxLength(4096)),
    title: z.string().check(z.maxLength(1000)),
    words: z.int().check(z.nonnegative()),
    units: z.array(z.object({ key: z.string().check(z.maxLength(32)), start: z.int().check(z.nonnegative()) })).check(z.maxLength(2000)),
  }),
  response: z.object({ missing: z.array(z.string()) }),
});

/** Background → content script: Crosscheck was turned on or off for the page's site. */
export const siteSwitchedRoute = defineRoute({
  name: 'siteSwitched',
  from: 'extension',
  request: z.object({ enabled: z.boolean() }),
  response: z.boolean(),
});

/**
 * Background → content script: the claims Crosscheck knows changed (the reader tracked, edited or
 * deleted one, or collected a fact-check): every answer the page has is stale, so it asks again.
 */
export const claimsChangedRoute = defineRoute({
  name: 'claimsChanged',
  from: 'extension',
  request: z.object({}),
  response: z.boolean(),
});

/** Popup → background: what is known about a tab (null when its page never reported). */
export const getTabStateRoute = defineRoute({
  name: 'getTabState',
  from: 'extension',
  request: z.object({ tabId: z.int() }),
  response: z.nullable(TabStateSchema),
});

/** Popup → content script: scroll to the claim at this index (page order) and open its card. */
export const showClaimRoute = defineRoute({
  name: 'showClaim',
  from: 'extension',
  request: z.object({ index: z.int().check(z.nonnegative()) }),
  response: z.boolean(),
});

/**
 * Background → content script (the "next claim" shortcut): move to the next (or previous) claim
 * on the page, scroll to it and open its card. Answers false when the page has no claims.
 */
export const stepClaimRoute = defineRoute({
  name: 'stepClaim',
  from: 'extension',
  request: z.object({ step: z.union([z.literal(1), z.literal(-1)]) }),
  response: z.boolean(),
});

/** In-page panel → its content script: close the panel and give focus back to the page. */
export const closePanelRoute = defineRoute({
  name: 'closePanel',
  from: 'extension',
  request: z.object({}),
  response: z.boolean(),
});

/**
 * In-page panel → background: close the panel in the panel's own tab (the sender's, never one the
 * request names). Relayed because Firefox gives extension frames inside web pages no `tabs` API,
 * so the panel cannot message its content script itself.
 */
export const closeTabPanelRoute = defineRoute({
  name: 'closeTabPanel',
  from: 'extension',
  request: z.object({}),
  response: z.boolean(),
});

/** Content script → background: a ticket for the panel it is about to open in its tab. */
export const issuePanelTicketRoute = defineRoute({
  name: 'issuePanelTicket',
  from: 'content',
  request: z.object({}),
  response: z.object({ ticket: z.string() }),
});

/**
 * In-page panel → background: was I opened by Crosscheck in the tab I am in? Takes the ticket back;
 * the tab is the sender's, never one the request names.
 */
export const redeemPanelTicketRoute = defineRoute({
  name: 'redeemPanelTicket',
  from: 'extension',
  request: z.object({ ticket: z.string().check(z.maxLength(64)) }),
  response: z.boolean(),
});
