import { defineBackground } from '#imports';
import { Router } from '@/lib/messaging/router';
import { listen, selfIdentity } from '@/lib/messaging/runtime';
import { startClaimTracking } from '@/lib/claims/claim-background';
import { readerClaimsDb } from '@/lib/claims/reader-db';
import { startNotesBackground } from '@/lib/notes/note-background';
import { closeStorageToContentScripts } from '@/lib/settings/storage-access';
import { startPagesBackground } from '@/lib/pages/pages-background';
import { startSyncBackground } from '@/lib/sync/sync-background';
import { startWebDavBackground } from '@/lib/webdav/background';

// A classic script, not a module: one file that a stopped worker loads and starts about 50 ms sooner
// than a module graph of shared chunks, and a worker starts again for a page after every idle stop.
export default defineBackground({
  main() {
    // Every listener is added synchronously here, so an MV3 worker woken by an event gets it.
    const router = new Router(selfIdentity());
    void closeStorageToContentScripts(); // notes' copy in storage.sync: extension pages only
    const notes = startNotesBackground(router); // note routes, repaint broadcast, context menu, "add note"
    // claims on pages: matching, tab states, badge, site switch, "next claim"; told of each report
    const pages = startPagesBackground(router, { notesOn: notes.notesOn, reported: (tabId, page) => tracking.reported(tabId, page) });
    // "Track this claim": its route, context menu and shortcut; tracked claims' sightings on reported pages
    const tracking = startClaimTracking(router, { db: readerClaimsDb, facts: pages.claimFacts });
    // storage.sync mirror of the notes and the tracked claims, switch, status line; both transports hear
    // the notes' change notice (the notes each write changed) and tell it what they merge, which
    // repaints those pages' tabs; claims merged into the store move its revision, which repaints too
    const sync = startSyncBackground(notes.db, { notice: notes.notice, claims: readerClaimsDb });
    // WebDAV sync beside it, merging into the same notes: one record of their histories, one lock
    startWebDavBackground({ db: notes.db, histories: sync.histories, serial: sync.serial, notice: notes.notice });
    listen(router);
  },
});
