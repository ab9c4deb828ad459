import { browser, defineContentScript } from '#imports';
import { ClaimsLayer } from '@/lib/annotator/claims-layer';
import type { PageClaim } from '@/lib/pages/page-schema';
import { startNotes } from '@/lib/annotator/notes-annotator';
import { PanelFrame } from '@/lib/annotator/panel-frame';
import { ARTICLE_TEXT } from '@/lib/dom/article-text';
import { panelPath } from '@/lib/annotator/panel-state';
import { watchPage } from '@/lib/dom/page-watcher';
import { Router } from '@/lib/messaging/router';
import { call, listen, selfIdentity } from '@/lib/messaging/runtime';
import { closePanel, issuePanelTicket, matchBlocks, reportPage, showClaim, stepClaim } from '@/lib/pages/page-routes';
import { isSiteEnabled, watchSiteEnabled } from '@/lib/settings/site-settings';
import './highlights.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main(ctx) {
    // User-timing marks: `npm run bench` reads them to time start → highlights painted.
    performance.mark('crosscheck:start');
    let enabled = await isSiteEnabled(location.hostname);
    const panel = new PanelFrame(async () => (await call(issuePanelTicket, {})).ticket);
    const claims = new ClaimsLayer({
      root: () => document.body,
      // Claims are looked for in the article, not in navigation, related links or footers.
      read: ARTICLE_TEXT,
      match: (blocks) => call(matchBlocks, { blocks }),
      async report({ claims: found, words }) {
        const page = { url: location.href, title: document.title, words, claims: found };
        await call(reportPage, page);
      },
    });

    const openCard = (found: readonly PageClaim[], anchor: DOMRect) => {
      if (found.length === 0) return;
      const path = panelPath({ mode: 'claims', claims: found.slice(0, 20) });
      void panel.open(browser.runtime.getURL(path), anchor, 'Crosscheck: sources for this claim');
    };

    const router = new Router(selfIdentity());
    let cursor = -1; // the claim the keyboard shortcut last moved to
    const show = (index: number) => {
      const found = claims.claims[index];
      if (!found) return false;
      cursor = index;
      found.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      openCard(found.span.claims, found.range.getBoundingClientRect()); // the card lists every claim of the passage
      return true;
    };
    router.on(showClaim, ({ index }) => show(index));
    router.on(stepClaim, ({ step }) => {
      const count = claims.claims.length;
      return count > 0 && show((((cursor + step) % count) + count) % count);
    });
    router.on(closePanel, () => {
      panel.close();
      return true;
    });
    const notes = startNotes({
      ctx,
      router,
      panel,
      claimRange: (id) => claims.claims.find((f) => f.claim.claimId === id)?.range ?? null,
    });
    ctx.onInvalidated(listen(router));

    ctx.addEventListener(document, 'click', (event) => {
      if (panel.contains(event.target as Node) || notes.contains(event.target as Node)) return;
      panel.close(false);
      if (!enabled || !getSelection()?.isCollapsed) return; // the reader is selecting text
      const found = claims.at(event.clientX, event.clientY);
      // The reader's own notes come first, unless the note is on this claim: its card lists it.
      const stated = found.flatMap((span) => span.claims);
      if (notes.openAt(event.clientX, event.clientY, stated.map((c) => c.claimId))) return;
      if (found.length > 0) openCard(stated, found[0]!.range.getBoundingClientRect());
    });
    ctx.addEventListener(document, 'keydown', (event) => {
      if (event.key === 'Escape' && panel.isOpen) panel.close();
    });

    // One observer for claims and notes: late text, infinite scroll, single-page apps.
    const stopWatching = watchPage(
      document.body,
      () => {
        if (!enabled) return;
        void claims.scan();
        notes.pageChanged();
      },
      { ignore: (node) => panel.contains(node) || notes.contains(node), setTimeout: (run, ms) => ctx.setTimeout(run, ms) },
    );
    ctx.onInvalidated(stopWatching);
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      if (!enabled) return;
      void claims.scan();
      notes.locationChanged();
    });
    const setEnabled = (on: boolean) => {
      enabled = on;
      notes.setEnabled(on);
      if (on) return void claims.scan();
      panel.close(false);
      void claims.clear();
    };
    ctx.onInvalidated(watchSiteEnabled(location.hostname, setEnabled));
    ctx.onInvalidated(() => {
      panel.close(false);
      void claims.clear().catch(() => undefined);
    });

    notes.setEnabled(enabled);
    if (enabled) await claims.scan();
    else await claims.clear();
  },
});
