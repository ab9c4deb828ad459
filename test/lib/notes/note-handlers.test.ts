import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Route } from '@/lib/messaging/route';
import { envelope, Router, unwrap } from '@/lib/messaging/router';
import { openNotesDb, type NotesDb } from '@/lib/notes/db';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { deviceIdFrom } from '@/lib/notes/device-id';
import {
  createNoteRoute,
  deleteNoteRoute,
  exportNotesRoute,
  getNoteRoute,
  importNotesRoute,
  undoDeleteNoteRoute,
  updateNoteRoute,
} from '@/lib/notes/note-routes';
import { listPageMarksRoute } from '@/lib/notes/note-content-routes';
import { registerNoteRoutes } from '@/lib/notes/note-handlers';
import { listSites, listTags, searchNotes } from '@/lib/notes/notes-query';
import type { NotesChange } from '@/lib/notes/notes-broadcast';
import type { NewNote } from '@/lib/notes/schema';

const self = { id: 'crosscheck-id', origin: 'chrome-extension://crosscheck-id/' };
const PAGE = 'https://news.example.com/story';
const fromExtension = { id: self.id, url: `${self.origin}panel.html?tab=3` };
const fromTab = (url: string) => ({ id: self.id, url, tab: { id: 3 } });

let db: NotesDb;
let router: Router;
let changed: NotesChange[];
let clock = 1_000;

function draft(source = PAGE, exact = 'troops landed', text = 'Check the date'): NewNote {
  return {
    target: {
      source,
      url: `${source}?utm_source=x`,
      title: 'Story',
      quote: { type: 'TextQuoteSelector', exact, prefix: 'Russian ', suffix: ' in Caracas' },
      position: { type: 'TextPositionSelector', start: 8, end: 8 + exact.length },
    },
    body: { text, tags: ['venezuela'], color: 'green' },
  };
}

async function send<R extends Route>(route: R, data: unknown, sender: object = fromExtension) {
  return unwrap(route, await router.dispatch(envelope(route, data as never), sender));
}

beforeEach(() => {
  db = openNotesDb(`routes-${crypto.randomUUID()}`);
  router = new Router(self);
  changed = [];
  fakeBrowser.reset();
  registerNoteRoutes(router, db, { deviceId: deviceIdFrom(), now: () => ++clock, changed: (c) => changed.push(c) });
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('note routes', () => {
  it('creates a note with id, times and a device id kept across calls, and reports its page', async () => {
    const a = await send(createNoteRoute, draft());
    const b = await send(createNoteRoute, draft(PAGE, 'in Caracas'));
    expect(a.id).not.toBe(b.id);
    expect(a.deviceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(b.deviceId).toBe(a.deviceId);
    expect(changed).toEqual([
      { ids: [a.id], sources: [PAGE] },
      { ids: [b.id], sources: [PAGE] },
    ]);
  });

  it('gives a content script only the marks of its own page: ids, selectors, colour, never the text', async () => {
    const note = await send(createNoteRoute, draft());
    await send(createNoteRoute, draft('https://news.example.com/other'));
    const reply = await send(listPageMarksRoute, { canonicalHref: null }, fromTab(`${PAGE}?fbclid=1#top`));
    expect(reply.source).toBe(PAGE);
    expect(reply.tabId).toBe(3);
    expect(reply.marks).toEqual([{ id: note.id, quote: note.target.quote, position: note.target.position, color: 'green' }]);
    expect(JSON.stringify(reply)).not.toContain('Check the date');
  });

  it('tells the content script which claim a note is attached to, so a click opens that claim\'s card', async () => {
    const note = await send(createNoteRoute, { ...draft(), claimId: 'nuclear-capable-bombers-in-december' });
    const reply = await send(listPageMarksRoute, { canonicalHref: null }, fromTab(PAGE));
    expect(reply.marks).toEqual([expect.objectContaining({ id: note.id, claimId: 'nuclear-capable-bombers-in-december' })]);
  });

  it('lets a canonical link refine the page only on the same origin', async () => {
    await send(createNoteRoute, draft('https://elsewhere.example.org/secret'));
    const reply = await send(listPageMarksRoute, { canonicalHref: 'https://elsewhere.example.org/secret' }, fromTab(PAGE));
    expect(reply.source).toBe(PAGE);
    expect(reply.marks).toEqual([]);
    // A sibling subdomain (another blog on the same host) cannot read this page's marks.
    await send(createNoteRoute, draft());
    const sibling = await send(listPageMarksRoute, { canonicalHref: PAGE }, fromTab('https://evil.example.com/post'));
    expect(sibling).toMatchObject({ source: 'https://evil.example.com/post', marks: [] });
    const same = await send(listPageMarksRoute, { canonicalHref: '/story' }, fromTab(`https://news.example.com/amp/story`));
    expect(same.source).toBe(PAGE);
  });

  it('refuses every other notes route to a content script', async () => {
    await send(createNoteRoute, draft());
    for (const [route, data] of [
      [createNoteRoute, draft()],
      [getNoteRoute, { id: crypto.randomUUID() }],
      [exportNotesRoute, { format: 'json' }],
      [importNotesRoute, { text: '[]' }],
    ] as const) {
      const reply = await router.dispatch(envelope(route as Route, data), fromTab(PAGE));
      expect(reply).toEqual({ ok: false, error: `Sender not allowed on "${route.name}"` });
    }
  });

  it('updates, deletes and undoes, each reported, and search follows', async () => {
    const note = await send(createNoteRoute, draft());
    await send(updateNoteRoute, { id: note.id, body: { text: 'Flight date differs', tags: ['tu-160'], color: 'blue' } });
    expect((await searchNotes(db, { text: 'flight' })).map((n) => n.id)).toEqual([note.id]);
    expect({ tags: await listTags(db), sites: await listSites(db) }).toEqual({ tags: ['tu-160'], sites: ['news.example.com'] });
    await send(deleteNoteRoute, { id: note.id });
    expect(await searchNotes(db, { text: 'flight' })).toEqual([]);
    await send(undoDeleteNoteRoute, { id: note.id });
    expect(await searchNotes(db, { text: 'flight' })).toHaveLength(1);
    expect(changed).toHaveLength(4);
  });

  it('exports JSON that imports back into an empty database, reporting the notes and pages it brought', async () => {
    const one = await send(createNoteRoute, draft());
    const two = await send(createNoteRoute, draft('https://news.example.com/two'));
    const json = await send(exportNotesRoute, { format: 'json' });
    const md = await send(exportNotesRoute, { format: 'markdown', source: PAGE });
    expect(json.count).toBe(2);
    expect(md.count).toBe(1);
    expect(md.text).toContain('> troops landed');
    await db.notes.clear();
    changed = [];
    expect(await send(importNotesRoute, { text: json.text })).toEqual({ added: 2, updated: 0, unchanged: 0, total: 2 });
    // The notice names the imported notes, so that sync pushes them (the options page imports through this route).
    expect(changed.map((c) => ({ ids: [...c.ids].sort(), sources: [...c.sources].sort() }))).toEqual([
      { ids: [one.id, two.id].sort(), sources: ['https://news.example.com/story', 'https://news.example.com/two'] },
    ]);
    expect(await searchNotes(db, {})).toHaveLength(2);
  });

  it('refuses a bad import with a message naming the problem, and writes nothing', async () => {
    await send(createNoteRoute, draft());
    const reply = await router.dispatch(envelope(importNotesRoute, { text: '{"type":"Annotation"' }), fromExtension);
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^Not a JSON file/) });
    expect(await searchNotes(db, {})).toHaveLength(1);
  });
});
