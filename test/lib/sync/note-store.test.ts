import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openNotesDb, type NotesDb } from '@/lib/notes/db';
import { dexieNoteStore } from '@/lib/sync/adapters';
import { searchNotes } from '@/lib/notes/notes-service';
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

  it('merges atomically: an edit racing a merge is neither lost nor overwritten', async () => {
    const store = dexieNoteStore(db);
    const note = makeNote({ n: 5, body: { text: 'before', tags: [], color: 'yellow' } });
    await store.putMany([note]);
    let seen = '';
    const merge = store.update!([note.id], ([current]) => {
      seen = current!.body.text;
      return [{ ...current!, body: { ...current!.body, text: `${seen} + remote` } }];
    });
    // The reader's edit, issued while the merge is running (as the notes service would).
    const edit = db.transaction('rw', db.notes, async () => {
      const row = await db.notes.get(note.id);
      await db.notes.put({ ...row!, body: { ...row!.body, text: 'edited here' } });
    });
    await Promise.all([merge, edit]);
    const text = (await store.get([note.id]))[0]!.body.text;
    // Either the merge ran first and the edit came after it, or the merge saw the edit.
    expect(text).toBe(seen === 'before' ? 'edited here' : 'edited here + remote');
  });

  it('rolls a whole merge back when one merged note does not fit the schema', async () => {
    const store = dexieNoteStore(db);
    const a = makeNote({ n: 6 });
    const b = makeNote({ n: 7 });
    await store.putMany([a, b]);
    const merge = store.update!([a.id, b.id], ([x, y]) => [
      { ...x!, body: { ...x!.body, text: 'merged' } },
      { ...y!, modified: 1.5 },
    ]);
    await expect(merge).rejects.toThrow(/modified/);
    expect((await store.get([a.id]))[0]!.body.text).toBe(a.body.text);
  });
});
