import { browser } from 'wxt/browser';
import { ARTICLE_TEXT } from '../dom/article-text';
import { BlockReader } from '../dom/block-reader';
import { afterLayout } from '../dom/first-screen';
import { watchPage } from '../dom/page-watcher';
import type { Sender } from '../messaging/route';
import { send } from '../messaging/send';
import type { lookupBlocksRoute, matchBlocksRoute, reportPageRoute } from '../pages/page-routes';
import { ClaimsLayer } from './claims-layer';
import type { StartUi } from './lazy-ui';
import { Lifetime } from './lifetime';
import type { PageUi } from './page-ui';

/**
 * Calls `start` once the document's DOM is complete (at once if it is): on the browser's own
 * DOMContentLoaded, not on one a page dispatches to start Crosscheck early.
 */
export function whenDomComplete(start: () => void): void {
  if (document.readyState !== 'loading') return start();
  const onLoaded = (event: Event) => {
    if (!event.isTrusted) return;
    document.removeEventListener('DOMContentLoaded', onLoaded);
    start();
  };
  document.addEventListener('DOMContentLoaded', onLoaded);
}

/**
 * The first part of the content script, the only one injected into every page: it reads the page,
 * asks the background about it and paints its claims. Everything else (the panel, the notes, zod
 * and the message routes) is the UI part, loaded only when there is something to show: a click on
 * a claim, the page's own notes, a selection, a message from the popup or the background.
 */
export function startPage(importUi: () => Promise<StartUi>): void {
  if (!document.body) return; // not an HTML page
  // Injected as soon as the DOM is complete: nothing is read, and no UI loaded, before the page's first frame is drawn.
  const drawn = afterLayout();
  const lifetime = new Lifetime();
  let enabled = true;
  let ui: Promise<PageUi> | null = null;
  let loaded: PageUi | null = null;
  const withUi = () =>
    (ui ??= importUi().then((start) => {
      loaded = start({ claims, lifetime, enabled: () => enabled, setEnabled });
      return loaded;
    }));

  const canonicalHref = () => document.querySelector<HTMLLinkElement>('link[rel=canonical]')?.href ?? null;
  const claims = new ClaimsLayer({
    reader: new BlockReader(() => document.body, ARTICLE_TEXT),
    // The page's first question also says whether it has notes: only then is the UI loaded to paint them.
    lookup: async (question, first) => {
      const page = first ? { page: { url: location.href, canonicalHref: canonicalHref() } } : {};
      const reply = await send<typeof lookupBlocksRoute>('lookupBlocks', { ...question, ...page });
      if (reply.enabled && reply.notes && !ui) void drawn.then(withUi);
      return reply;
    },
    match: (units, first) => send<typeof matchBlocksRoute>('matchBlocks', { units, first }),
    report: ({ words, units }) => send<typeof reportPageRoute>('reportPage', { url: location.href, title: document.title.slice(0, 1000), words, units }),
  });
  const failed = () => {
    if (!browser.runtime?.id) lifetime.end(); // the extension was updated or removed under the page
  };
  const scan = () => claims.scan().catch(failed);
  const setEnabled = (on: boolean) => {
    enabled = on;
    void claims.setEnabled(on).catch(() => undefined);
    loaded?.setEnabled(on);
  };

  // Messages from the extension are the UI's to answer: the first one loads it.
  const onMessage = (message: unknown, sender: Sender) => (sender.id === browser.runtime.id ? withUi().then((u) => u.dispatch(message, sender)) : undefined);
  browser.runtime.onMessage.addListener(onMessage as never);
  lifetime.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage as never));

  lifetime.addEventListener(document, 'click', (event) => {
    if (ui) return void ui.then((u) => u.click(event as MouseEvent));
    if (!enabled || !getSelection()?.isCollapsed) return;
    const spans = claims.at((event as MouseEvent).clientX, (event as MouseEvent).clientY);
    if (spans.length > 0) void withUi().then((u) => u.openSpans(spans));
  });
  // A selection may become a note: the UI shows the Add note button (it follows the selection from then on).
  let selecting = false;
  lifetime.addEventListener(document, 'selectionchange', () => {
    if (ui || selecting || !enabled) return;
    selecting = true;
    lifetime.setTimeout(() => {
      selecting = false;
      if (!getSelection()?.isCollapsed && getSelection()?.toString().trim()) void withUi().then((u) => u.selectionChanged());
    }, 200);
  });

  let url = location.href;
  const changed = () => {
    if (!enabled) return;
    if (location.href !== url) {
      url = location.href; // a single-page navigation: another page, maybe with notes
      claims.pageChanged();
      loaded?.locationChanged();
    }
    void scan();
    loaded?.pageChanged();
  };
  lifetime.onInvalidated(
    watchPage(
      document.body,
      {
        records: (records) => {
          claims.invalidate(records);
          loaded?.records(records);
        },
        changed,
      },
      { setTimeout: (run, ms) => lifetime.setTimeout(run, ms) },
    ),
  );
  for (const type of ['popstate', 'hashchange']) lifetime.addEventListener(window, type, changed);
  lifetime.onInvalidated(() => void claims.setEnabled(false).catch(() => undefined));

  // The page's first question goes out at once: its answer comes while the first frame is drawn.
  void claims
    .start(drawn)
    .catch(failed)
    .then(() => {
      enabled = claims.isEnabled !== false;
    });
}
