import { defineBackground } from '#imports';
import { Router } from '@/lib/messaging/router';
import { listen, selfIdentity } from '@/lib/messaging/runtime';
import { startNotesBackground } from '@/lib/notes/note-background';
import { startPagesBackground } from '@/lib/pages/pages-background';
import { startSyncBackground } from '@/lib/sync/sync-background';

export default defineBackground({
  type: 'module',
  main() {
    // Every listener is added synchronously here, so an MV3 worker woken by an event gets it.
    const router = new Router(selfIdentity());
    startPagesBackground(router); // claims on pages: matching, tab states, badge, "next claim"
    const notesDb = startNotesBackground(router); // note routes, repaint broadcast, context menu, "add note"
    startSyncBackground(notesDb); // storage.sync mirror, switch, status line, repaint on remote notes
    listen(router);
  },
});
