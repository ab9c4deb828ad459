import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openNotesDb, type NotesDb } from '@/lib/notes/db';
import { NoteInputError, NoteNotFoundError } from '@/lib/notes/errors';
import {
  createNote,
  deleteNote,
  getNote,
  listAllNotes,
  listPageNotes,
  listSites,
  listTags,
  reattachNote,
  searchNotes,
  undoDeleteNote,
  updateNoteBody,
  type NoteContext,
} from '@/lib/notes/notes-service';
import type { NewNote } from '@/lib/notes/schema';

let db: NotesDb;
let clock: number;
const ctx: NoteContext = { now: () => clock, deviceId: 'dev-1' };

function draft(over: { source?: string; exact?: string; text?: string; tags?: string[]; start?: number } = {}): NewNote {
  const source = over.source ?? 'https://news.example.com/a';
  return {
    target: {
      source,
      url: source + '?utm_source=feed',
      title: 'A',
      quote: { type: 'TextQuoteSelector', exact: over.exact ?? 'the quoted words', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: over.start ?? 0, end: (over.start ?? 0) + 16 },
    },
    body: { text: over.text ?? 'my note', tags: over.tags ?? [], color: 'yellow' },
  };
}

beforeEach(() => {
  db = openNotesDb(`test-${crypto.randomUUID()}`);
  clock = 1_000;
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('createNote', () => {
  it('fills id, times and device, and stores the note', async () => {
    const note = await createNote(db, draft({ tags: ['Kyiv', ' kyiv '] }), ctx);
    expect(note.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(note).toMatchObject({ created: 1_000, modified: 1_000, deviceId: 'dev-1', deleted: false });
    expect(note.body.tags).toEqual(['Kyiv']);
    expect(await getNote(db, note.id)).toEqual(note);
  });

  it('rejects bad input with a message naming the field, and stores nothing', async () => {
    const bad = draft();
    (bad.body as { color: string }).color = 'teal';
    await expect(createNote(db, bad, ctx)).rejects.toThrow(NoteInputError);
    await expect(createNote(db, bad, ctx)).rejects.toThrow(/body\.color/);
    expect(await db.notes.count()).toBe(0);
  });

  it('keeps notes on web pages only: a javascript: or data: target is refused', async () => {
    for (const source of ['javascript:alert(1)//', 'data:text/html,hi', 'file:///etc/passwd']) {
      await expect(createNote(db, draft({ source }), ctx)).rejects.toThrow(/must be an http\(s\) URL/);
    }
    const sneaky = draft();
    sneaky.target.url = 'javascript:alert(document.domain)';
    await expect(createNote(db, sneaky, ctx)).rejects.toThrow(/target\.url/);
    expect(await db.notes.count()).toBe(0);
  });
});

describe('editing', () => {
  it('updates the body with a newer modified time and this device', async () => {
    const note = await createNote(db, draft(), ctx);
    const edited = await updateNoteBody(
      db,
      { id: note.id, body: { text: 'changed', tags: ['x'], color: 'green' } },
      { now: () => 1_000, deviceId: 'dev-2' },
    );
    expect(edited.body).toEqual({ text: 'changed', tags: ['x'], color: 'green' });
    expect(edited.modified).toBe(1_001); // same millisecond: still strictly newer
    expect(edited.deviceId).toBe('dev-2');
    expect(edited.created).toBe(1_000);
  });

  it('deletes as a tombstone that keeps the text, and undo brings it back', async () => {
    const note = await createNote(db, draft({ text: 'keep me' }), ctx);
    clock = 5_000;
    const gone = await deleteNote(db, note.id, ctx);
    expect(gone).toMatchObject({ deleted: true, modified: 5_000 });
    expect(gone.body.text).toBe('keep me');
    expect(await listPageNotes(db, note.target.source)).toEqual([]);
    await expect(updateNoteBody(db, { id: note.id, body: note.body }, ctx)).rejects.toThrow(/deleted/);
    clock = 6_000;
    const back = await undoDeleteNote(db, note.id, ctx);
    expect(back).toMatchObject({ deleted: false, modified: 6_000 });
    expect((await listPageNotes(db, note.target.source)).map((n) => n.id)).toEqual([note.id]);
  });

  it('re-attaches a note to a new selection', async () => {
    const note = await createNote(db, draft(), ctx);
    const quote = { type: 'TextQuoteSelector', exact: 'new words', prefix: 'p', suffix: 's' } as const;
    const moved = await reattachNote(db, { id: note.id, quote }, ctx);
    expect(moved.target.quote).toEqual(quote);
    expect(moved.target.position).toBeUndefined();
    expect(moved.target.source).toBe(note.target.source);
  });

  it('names a missing note', async () => {
    const id = crypto.randomUUID();
    await expect(deleteNote(db, id, ctx)).rejects.toThrow(NoteNotFoundError);
    await expect(deleteNote(db, 'nope', ctx)).rejects.toThrow(/Invalid note id/);
  });
});

describe('listing and search', () => {
  beforeEach(async () => {
    await createNote(db, draft({ exact: 'Troops landed at the airport', text: 'Check the **count**', tags: ['Ukraine'], start: 50 }), ctx);
    clock++;
    await createNote(db, draft({ exact: 'Zelenskyy said', text: 'Crème de la crème', tags: ['Citações'], start: 5 }), ctx);
    clock++;
    await createNote(db, draft({ source: 'https://www.other.org/b', exact: 'ÉLYSÉE statement', text: 'France', tags: ['ukraine', 'France'] }), ctx);
    clock++;
    const gone = await createNote(db, draft({ exact: 'deleted troops', text: 'gone', tags: ['old'] }), ctx);
    await deleteNote(db, gone.id, ctx);
  });

  it('lists a page in reading order, without tombstones', async () => {
    const notes = await listPageNotes(db, 'https://news.example.com/a');
    expect(notes.map((n) => n.target.quote.exact)).toEqual(['Zelenskyy said', 'Troops landed at the airport']);
  });

  it('lists all live notes newest first, or with tombstones on request', async () => {
    expect((await listAllNotes(db)).map((n) => n.body.text)).toEqual(['France', 'Crème de la crème', 'Check the **count**']);
    expect(await listAllNotes(db, { includeDeleted: true })).toHaveLength(4);
  });

  it('searches quote, text and tags, ignoring case and diacritics, by word prefix', async () => {
    const texts = async (q: object) => (await searchNotes(db, q)).map((n) => n.body.text);
    expect(await texts({ text: 'TROOP' })).toEqual(['Check the **count**']); // tombstone excluded
    expect(await texts({ text: 'creme' })).toEqual(['Crème de la crème']);
    expect(await texts({ text: 'elysee' })).toEqual(['France']);
    expect(await texts({ text: 'ukraine' })).toEqual(['France', 'Check the **count**']);
    expect(await texts({ text: 'troops france' })).toEqual([]);
    expect(await texts({ text: 'airport count' })).toEqual(['Check the **count**']);
  });

  it('filters by tag and by site, alone or with text', async () => {
    const texts = async (q: object) => (await searchNotes(db, q)).map((n) => n.body.text);
    expect(await texts({ tag: 'UKRAINE' })).toEqual(['France', 'Check the **count**']);
    expect(await texts({ site: 'other.org' })).toEqual(['France']);
    expect(await texts({ text: 'ukraine', site: 'news.example.com' })).toEqual(['Check the **count**']);
    expect(await texts({ tag: 'old' })).toEqual([]);
    expect(await texts({ tag: 'CITACOES' })).toEqual(['Crème de la crème']);
    expect(await texts({ text: 'creme', tag: 'citações' })).toEqual(['Crème de la crème']);
    expect(await texts({})).toHaveLength(3);
    expect(await texts({ limit: 1 })).toEqual(['France']);
  });

  it('lists tags and sites in use on live notes', async () => {
    expect(await listTags(db)).toEqual(['Citações', 'France', 'Ukraine']);
    expect(await listSites(db)).toEqual(['news.example.com', 'other.org']);
  });
});
