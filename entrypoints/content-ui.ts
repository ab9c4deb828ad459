import { defineUnlistedScript } from '#imports';
import { provideUi } from '@/lib/annotator/lazy-ui';
import { startUi } from '@/lib/annotator/page-ui';

// The content script's UI part (the panel, notes, message routes), imported by content-start.js
// into the content script's own world when a page has something to show.
export default defineUnlistedScript(() => provideUi(startUi));
