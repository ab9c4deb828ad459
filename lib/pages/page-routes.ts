import * as z from 'zod/mini';
import { defineRoute } from '../messaging/route';
import { BlockMatchSchema, PageReportSchema, TabStateSchema } from './page-schema';

/** Content script → background: "this tab shows this page, with these claims". */
export const reportPage = defineRoute({
  name: 'reportPage',
  from: 'content',
  request: PageReportSchema,
  response: z.null(),
});

/**
 * Content script → background: find the database's claims in these blocks of page text. The
 * matcher and its index live in the background, built once for the browser rather than once per
 * tab, and out of the script injected into every page.
 */
export const matchBlocks = defineRoute({
  name: 'matchBlocks',
  from: 'content',
  request: z.object({
    blocks: z.array(z.string().check(z.maxLength(100_000))).check(z.maxLength(5000)),
  }),
  response: z.array(BlockMatchSchema),
});

/** Popup → background: what is known about a tab (null when its page never reported). */
export const getTabState = defineRoute({
  name: 'getTabState',
  from: 'extension',
  request: z.object({ tabId: z.int() }),
  response: z.nullable(TabStateSchema),
});

/** Popup → content script: scroll to the claim at this index (page order) and open its card. */
export const showClaim = defineRoute({
  name: 'showClaim',
  from: 'extension',
  request: z.object({ index: z.int().check(z.nonnegative()) }),
  response: z.boolean(),
});

/**
 * Background → content script (the "next claim" shortcut): move to the next (or previous) claim
 * on the page, scroll to it and open its card. Answers false when the page has no claims.
 */
export const stepClaim = defineRoute({
  name: 'stepClaim',
  from: 'extension',
  request: z.object({ step: z.union([z.literal(1), z.literal(-1)]) }),
  response: z.boolean(),
});

/** In-page panel → its content script: close the panel and give focus back to the page. */
export const closePanel = defineRoute({
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
export const closeTabPanel = defineRoute({
  name: 'closeTabPanel',
  from: 'extension',
  request: z.object({}),
  response: z.boolean(),
});

/** Content script → background: a ticket for the panel it is about to open in its tab. */
export const issuePanelTicket = defineRoute({
  name: 'issuePanelTicket',
  from: 'content',
  request: z.object({}),
  response: z.object({ ticket: z.string() }),
});

/**
 * In-page panel → background: was I opened by Crosscheck in the tab I am in? Takes the ticket back;
 * the tab is the sender's, never one the request names.
 */
export const redeemPanelTicket = defineRoute({
  name: 'redeemPanelTicket',
  from: 'extension',
  request: z.object({ ticket: z.string().check(z.maxLength(64)) }),
  response: z.boolean(),
});
