import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openNotesDb, type NotesDb } from '../../../lib/notes/db';
import { dexieNoteStore } from '../../../lib/notes/note-store';
import { searchNotes } from '../../../lib/notes/notes-service';
import { makeNote } from '../../fixtures/notes/sample-notes';

let db: NotesDb;
beforeEach(() => {
  db = openNotesDb(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('dexieNoteStore', () => {
  it('stores notes from sync with their indexes, and reads them back as notes', async () => {
    const store = dexieNoteStore(db);
    const live = makeNote({ n: 1, body: { text: 'Synced élan', tags: ['Remote'], color: 'green' } });
    const tomb = makeNote({ n: 2, deleted: true });
    await store.putMany([live, tomb]);
    expect(await store.all()).toEqual(expect.arrayContaining([live, tomb]));
    expect(await store.get([tomb.id, crypto.randomUUID()])).toEqual([tomb, undefined]);
    expect((await searchNotes(db, { text: 'elan', tag: 'remote' })).map((n) => n.id)).toEqual([live.id]);
    expect((await db.notes.get(tomb.id))!.live).toBe(0);
  });

  it('refuses a note that does not fit the schema, writing nothing', async () => {
    const bad = { ...makeNote({ n: 3 }), modified: 1.5 };
    await expect(dexieNoteStore(db).putMany([makeNote({ n: 4 }), bad])).rejects.toThrow(/modified/);
    expect(await db.notes.count()).toBe(0);
  });
});
