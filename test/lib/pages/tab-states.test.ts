import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TabStates } from '@/lib/pages/tab-states';

describe('TabStates', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps the latest page reported by each tab, and forgets closed tabs', async () => {
    const states = new TabStates(fakeBrowser.storage.session, () => 1000);
    const page = { url: 'https://news.example/a', title: 'A', words: 12, claims: [] };
    await states.report(3, page);
    await states.report(3, { ...page, title: 'B' });
    expect(await states.get(3)).toEqual({ tabId: 3, page: { ...page, title: 'B' }, reportedAt: 1000 });
    expect(await states.get(4)).toBeNull();
    await states.forget(3);
    expect(await states.get(3)).toBeNull();
  });

  it('survives a restart of the background, reading what the session area kept', async () => {
    const page = { url: 'https://news.example/a', title: 'A', words: 1, claims: [] };
    await new TabStates(fakeBrowser.storage.session).report(9, page);
    expect((await new TabStates(fakeBrowser.storage.session).get(9))?.page).toEqual(page);
  });

  it('treats a corrupted entry as unknown rather than crashing the popup', async () => {
    await fakeBrowser.storage.session.set({ 'tab:5': { tabId: 'five' } });
    expect(await new TabStates(fakeBrowser.storage.session).get(5)).toBeNull();
  });
});
