import type { TabPages } from '../messaging/tab-pages';
import type { Router } from '../messaging/router';
import type { PaintMode } from '../settings/paint-settings';
import type { BlockService } from './block-service';
import { lookupBlocksRoute, matchBlocksRoute, pageLoadingRoute } from './page-routes';
import { hostnameOf, originOf, sameOrigin } from './sender-origin';
import type { TabStates } from './tab-states';

/** How many notes the page at `url` has, and the canonical URL they are filed under (see NotesBackground). */
export type NotesOn = (url: string, canonicalHref: string | null) => Promise<{ source: string; count: number }>;

/** What the text routes need: the matching, what tabs show, and the site switch and notes as they stand. */
export type TextHandlerDeps = {
  blocks: BlockService;
  pages: TabPages;
  tabs: TabStates;
  disabledSites: () => Promise<string[]>;
  /** How much is painted on the page at a URL (see followPaintModes). */
  paintMode: (url: string) => Promise<PaintMode>;
  notesOn?: NotesOn;
};

/**
 * The routes a content script asks about its page's text: which units the background knows, and
 * the matches of new ones, shared fairly between tabs. The first question also says whether the
 * site is on, how much to paint and whether the page has notes, and records which page the tab shows.
 */
export function handleText(router: Router, { blocks, pages, tabs, disabledSites, paintMode, notesOn }: TextHandlerDeps): void {
  router.on(lookupBlocksRoute, async ({ keys, units, page }, sender) => {
    blocks.pageAsked();
    const origin = originOf(sender);
    const url = page && sameOrigin(page.url, origin) ? page.url : sender.url!;
    // Read side by side: each is a storage read, and the page waits on this answer to send its text.
    const [disabled, paint, found] = await Promise.all([
      disabledSites(),
      paintMode(url),
      page ? notesOn?.(url, page.canonicalHref).catch(() => null) : undefined,
    ]);
    const enabled = !disabled.includes(hostnameOf(url));
    let notes = false;
    if (page && enabled) {
      notes = (found?.count ?? 0) > 0;
      const tabId = sender.tab!.id!;
      const before = await pages.set(tabId, { url, ...(found ? { source: found.source } : {}) });
      if (before && before.url !== url) await tabs.forget(tabId); // a new page: what the tab reported was another's
    }
    if (!enabled) return { enabled, paint, notes, known: [], matched: [] };
    const matched = await blocks.match(origin, sender.tab?.id ?? origin, units, true);
    return { enabled, paint, notes, known: blocks.lookup(origin, keys), matched };
  });
  // The worker is started (if it was stopped), and warms its matcher up while the page loads.
  router.on(pageLoadingRoute, () => {
    void blocks.warmUp().catch(() => undefined); // only a slower first page if it fails
    return null;
  });
  router.on(matchBlocksRoute, ({ units, first }, sender) => blocks.match(originOf(sender), sender.tab?.id ?? originOf(sender), units, first));
}
