import { describe, expect, it, vi } from 'vitest';
import { broadcastNotesChanged, createNotesNotice, joinNotice, type NotesChange } from '@/lib/notes/notes-broadcast';
import { TabPages } from '@/lib/messaging/tab-pages';

/** An in-memory storage area, like storage.session. */
function memoryArea() {
  const store: Record<string, unknown> = {};
  return {
    get: async (key: string | null) => (key === null ? { ...store } : key in store ? { [key]: store[key] } : {}),
    set: async (items: Record<string, unknown>) => void Object.assign(store, items),
    remove: async (key: string) => void delete store[key],
  };
}

describe('broadcastNotesChanged', () => {
  it('tells only the tabs showing a page that its notes changed, and ignores tabs that refuse', async () => {
    const sent: [number, unknown][] = [];
    const tabs = {
      sendMessage: async (id: number, message: unknown) => {
        sent.push([id, message]);
        if (id === 3) throw new Error('Could not establish connection');
      },
    };
    const pages = new TabPages(memoryArea());
    await pages.set(1, { url: 'https://a.example/x?utm_source=feed', source: 'https://a.example/x' });
    await pages.set(2, { url: 'https://b.example/private-page', source: 'https://b.example/private-page' });
    await pages.set(3, { url: 'https://a.example/x', source: 'https://a.example/x' });
    await pages.set(4, { url: 'https://a.example/other', source: 'https://a.example/other' });
    await pages.set(5, { url: 'https://a.example/x' }); // its notes never asked for
    await pages.forget(4);
    broadcastNotesChanged(tabs, pages)({ sources: ['https://a.example/x'] });
    await new Promise((r) => setTimeout(r, 0));
    expect(sent).toEqual([
      [1, { route: 'notesChanged', data: { source: 'https://a.example/x' } }],
      [3, { route: 'notesChanged', data: { source: 'https://a.example/x' } }],
    ]);
  });
});

describe('createNotesNotice', () => {
  it('tells every listener what changed, even when one throws, and stops telling a removed one', () => {
    const notice = createNotesNotice();
    const heard: [string, NotesChange][] = [];
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    notice.listen(() => {
      throw new Error('a broken listener');
    });
    const offB = notice.listen((c) => heard.push(['b', c]));
    notice.listen((c) => heard.push(['c', c]));
    const change = { ids: ['n1'], sources: ['https://a.example/x'] };
    notice.changed(change);
    offB();
    notice.changed({ ids: ['n2'], sources: [] });
    notice.changed({ ids: [], sources: [] }); // nothing changed: no one is told
    expect(heard).toEqual([['b', change], ['c', change], ['c', { ids: ['n2'], sources: [] }]]);
    expect(errors).toHaveBeenCalledTimes(2);
    errors.mockRestore();
  });
});

describe('joinNotice', () => {
  it('lets a transport hear every change but its own, and tell its own to the others', () => {
    const notice = createNotesNotice();
    const heardBySync: NotesChange[] = [];
    const heardByDav: NotesChange[] = [];
    const tabs: NotesChange[] = [];
    notice.listen((c) => tabs.push(c));
    const sync = joinNotice(notice, (c) => heardBySync.push(c));
    const dav = joinNotice(notice, (c) => heardByDav.push(c));
    const edit = { ids: ['n1'], sources: ['https://a.example/x'] };
    const syncMerge = { ids: ['n2'], sources: ['https://a.example/y'] };
    const davMerge = { ids: ['n3'], sources: ['https://a.example/z'] };
    notice.changed(edit);
    sync.tell(syncMerge);
    dav.tell(davMerge);
    expect(tabs).toEqual([edit, syncMerge, davMerge]);
    expect(heardBySync).toEqual([edit, davMerge]);
    expect(heardByDav).toEqual([edit, syncMerge]);
    sync.leave();
    notice.changed(edit);
    expect(heardBySync).toHaveLength(2);
  });
});
