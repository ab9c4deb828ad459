import { describe, expect, it } from 'vitest';
import { deviceIdFrom } from '@/lib/notes/device-id';
import { broadcastNotesChanged } from '@/lib/notes/notes-broadcast';

describe('broadcastNotesChanged', () => {
  it('sends notesChanged to every web tab, skips browser pages, and ignores tabs that refuse', async () => {
    const sent: [number, unknown][] = [];
    const tabs = {
      query: async () => [{ id: 1, url: 'https://a.example/x' }, { id: 2, url: 'chrome://newtab/' }, { id: 3 }, {}],
      sendMessage: async (id: number, message: unknown) => {
        sent.push([id, message]);
        if (id === 3) throw new Error('Could not establish connection');
      },
    };
    broadcastNotesChanged(tabs)(['https://a.example/x']);
    await new Promise((r) => setTimeout(r, 0));
    expect(sent).toEqual([
      [1, { route: 'notesChanged', data: { source: 'https://a.example/x' } }],
      [3, { route: 'notesChanged', data: { source: 'https://a.example/x' } }],
    ]);
  });
});

describe('deviceIdFrom', () => {
  it('makes one id for concurrent first callers, keeps it, and reads it back later', async () => {
    const store: Record<string, unknown> = {};
    let writes = 0;
    const area = {
      get: async (k: string) => (k in store ? { [k]: store[k] } : {}),
      set: async (items: Record<string, unknown>) => void (writes++, Object.assign(store, items)),
    };
    const get = deviceIdFrom(area);
    const [a, b] = await Promise.all([get(), get()]);
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(b).toBe(a);
    expect(await deviceIdFrom(area)()).toBe(a); // a restarted background
    expect(writes).toBe(1);
  });
});
