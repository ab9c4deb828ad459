import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TabPages } from '@/lib/messaging/tab-pages';
import { followPaintModes } from '@/lib/pages/paint-modes';
import { setDefaultPaintMode, setSitePaintMode } from '@/lib/settings/paint-settings';

/** What the background pushed to each tab, once the watchers have run. */
async function pushed(sent: ReturnType<typeof vi.fn>): Promise<[number, unknown][]> {
  await vi.waitFor(() => expect(sent).toHaveBeenCalled());
  await new Promise((r) => setTimeout(r, 10));
  return sent.mock.calls.map(([tabId, message]) => [tabId, (message as { data: unknown }).data]).sort(([a], [b]) => Number(a) - Number(b)) as never;
}

describe('followPaintModes', () => {
  let pages: TabPages;
  let sent: ReturnType<typeof vi.fn>;
  beforeEach(async () => {
    fakeBrowser.reset();
    pages = new TabPages(fakeBrowser.storage.session);
    await pages.set(1, { url: 'https://news.example/a' });
    await pages.set(2, { url: 'https://NEWS.example/b' });
    await pages.set(3, { url: 'https://blog.example/c' });
    sent = vi.fn(async () => ({ ok: true, data: true }));
    fakeBrowser.tabs.sendMessage = sent as never;
  });

  it("answers a page's mode: the site's own, else the default", async () => {
    await setDefaultPaintMode('conflicts');
    await setSitePaintMode('blog.example', 'none');
    const modeOf = followPaintModes(pages);
    expect(await modeOf('https://news.example/a')).toBe('conflicts');
    expect(await modeOf('https://blog.example/x')).toBe('none');
  });

  it('pushes a new default to the open tabs it changes, and a site override to that site only', async () => {
    await setSitePaintMode('blog.example', 'all');
    const modeOf = followPaintModes(pages);
    await setDefaultPaintMode('none');
    expect(await pushed(sent)).toEqual([
      [1, { mode: 'none' }],
      [2, { mode: 'none' }],
    ]);
    expect(await modeOf('https://news.example/a')).toBe('none');
    sent.mockClear();
    await setSitePaintMode('blog.example', 'conflicts');
    expect(await pushed(sent)).toEqual([[3, { mode: 'conflicts' }]]);
  });
});
