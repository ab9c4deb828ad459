import { defineContentScript } from '#imports';
import { call } from '@/lib/messaging/runtime';
import { reportPage } from '@/lib/pages/page-routes';
import { readPageText } from '@/lib/dom/page-text';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main() {
    const page = readPageText(document.body);
    const words = page.text.split(/\s+/).filter(Boolean).length;
    await call(reportPage, { url: location.href, title: document.title, words });
  },
});
