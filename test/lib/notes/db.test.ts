import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { NOTES_DB_VERSION, openNotesDb } from '@/lib/notes/db';
import { makeNote } from '../../fixtures/notes/sample-notes';

const names: string[] = [];
const freshName = () => {
  const name = `test-${crypto.randomUUID()}`;
  names.push(name);
  return name;
};
afterEach(async () => {
  await Promise.all(names.splice(0).map((n) => Dexie.delete(n)));
});

describe('openNotesDb', () => {
  it('opens at the latest version with the v2 indexes', async () => {
    const db = openNotesDb(freshName());
    await db.open();
    expect(db.verno).toBe(NOTES_DB_VERSION);
    const indexes = db.notes.schema.indexes.map((i) => i.name);
    expect(indexes).toEqual(expect.arrayContaining(['site', 'live', 'words', 'tagKeys', '[target.source+live]']));
    expect(indexes).not.toContain('deleted');
    db.close();
  });

  it('upgrades a v1 database with data without losing a note', async () => {
    const name = freshName();
    const v1 = openNotesDb(name, 1);
    const notes = [
      makeNote({ n: 1, body: { text: 'Crème brûlée', tags: [' Ukraine ', 'ukraine', 'Kyiv  Post'], color: 'blue' } }),
      makeNote({ n: 2, deleted: true }),
      ...Array.from({ length: 50 }, (_, i) => makeNote({ n: 10 + i })),
    ];
    // v1 stored notes exactly as the schema describes them, with no derived fields.
    await v1.table('notes').bulkAdd(notes);
    v1.close();

    const db = openNotesDb(name);
    const rows = await db.notes.toArray();
    expect(rows).toHaveLength(notes.length);
    for (const note of notes) {
      const row = rows.find((r) => r.id === note.id)!;
      expect(row.body.text).toBe(note.body.text);
      expect(row.target).toEqual(note.target);
      expect(row.live).toBe(note.deleted ? 0 : 1);
      expect(row.site).toBe('news.example.com');
    }
    const first = rows.find((r) => r.id === notes[0]!.id)!;
    expect(first.body.tags).toEqual(['Ukraine', 'Kyiv Post']);
    expect(first.tagKeys).toEqual(['ukraine', 'kyiv post']);
    expect(first.words).toEqual(expect.arrayContaining(['creme', 'brulee', 'kyiv', 'post']));
    expect(await db.notes.where('live').equals(0).primaryKeys()).toEqual([notes[1]!.id]);
    db.close();
  });

  it('keeps a v1 row that no longer parses instead of dropping it', async () => {
    const name = freshName();
    const v1 = openNotesDb(name, 1);
    await v1.table('notes').add({ ...makeNote({ n: 3 }), body: { text: 'x', tags: [], color: 'teal' } });
    v1.close();
    const db = openNotesDb(name);
    const rows = await db.notes.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.body.color).toBe('teal');
    expect(rows[0]!.live).toBe(1);
    db.close();
  });
});
