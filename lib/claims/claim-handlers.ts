import type { Router } from '../messaging/router';
import { canonicalUrl } from '../dom/canonical-url';
import { trackClaimRoute } from './claim-routes';
import type { ReaderClaimsDb } from './reader-db';
import { MAX_STATEMENT } from './reader-schema';
import { trackClaim, type ReaderContext } from './reader-store';
import type { Fact } from './schema';

/**
 * The statement a tracked claim starts with: the words as selected, white space collapsed, cut at
 * the longest statement kept (the quote keeps them all). The reader edits it in the panel.
 */
export function firstStatement(exact: string): string {
  return exact.replace(/\s+/g, ' ').trim().slice(0, MAX_STATEMENT).trim();
}

/**
 * True when `pageUrl` (a canonical URL the content script read) is the sender's own page: on the
 * sender's origin, as the notes' canonical rule takes a page's canonical link. A page cannot file
 * a claim under another site's page.
 */
export function isSenderPage(senderUrl: string | undefined, pageUrl: string): boolean {
  try {
    return !!senderUrl && canonicalUrl(senderUrl, pageUrl) === pageUrl;
  } catch {
    return false; // not an http(s) page
  }
}

export type ClaimRoutesDeps = {
  db: () => ReaderClaimsDb;
  ctx: ReaderContext;
  /** The facts (counts, dates) of the words, as the matcher reads them: what it can later find differing. */
  facts?: (text: string) => Promise<Fact[]>;
};

/**
 * Registers the route the content script tracks a claim with: the selected words of its own page
 * become a tracked claim in the reader's store (parsed in full there), as a reported fact whose
 * statement is the words themselves, until the reader edits it, with the facts the matcher reads
 * in them (none, rather than no claim, when they cannot be read). Returns a function removing it.
 */
export function registerClaimRoutes(router: Router, deps: ClaimRoutesDeps): () => void {
  return router.on(trackClaimRoute, async ({ page, quote, position }, sender) => {
    if (!isSenderPage(sender.url, page.url)) throw new Error('A page can only track claims on itself.');
    const facts = (await deps.facts?.(quote.exact).catch(() => undefined)) ?? [];
    const draft = { statement: firstStatement(quote.exact), type: 'reported-fact', facts, page, quote, ...(position ? { position } : {}) };
    const claim = await trackClaim(deps.db(), draft, deps.ctx);
    return { id: claim.id };
  });
}
