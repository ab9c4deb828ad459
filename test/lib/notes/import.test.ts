import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openNotesDb, type NotesDb } from '@/lib/notes/db';
import { exportJson } from '@/lib/notes/export';
import { ImportError, importNotes } from '@/lib/notes/import';
import { IMPORTED_DEVICE, noteIdFor } from '@/lib/notes/import-convert';
import { listAllNotes, updateNoteBody } from '@/lib/notes/notes-service';
import { makeNote } from '../../fixtures/notes/sample-notes';

const sample = (name: string) =>
  readFileSync(new URL(`../../fixtures/web-annotation-tests/tools/samples/correct/${name}`, import.meta.url), 'utf8');

let db: NotesDb;
const ctx = { now: () => Date.UTC(2026, 0, 1), deviceId: 'this-device' };
beforeEach(() => {
  db = openNotesDb(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const notes = [
  makeNote({ n: 1, body: { text: 'Crème **brûlée**', tags: ['Food', 'France'], color: 'pink' }, claimId: 'c1' }),
  makeNote({ n: 2, conflicts: [{ text: 'theirs', tags: [], color: 'blue', modified: 7, deviceId: 'dev-b' }] }),
  makeNote({ n: 3, body: { text: '', tags: [], color: 'green' } }),
];

describe('importNotes', () => {
  it('round-trips our own export into an empty database, losing nothing', async () => {
    const file = JSON.stringify(exportJson(notes));
    expect(await importNotes(db, file)).toEqual({ added: 3, updated: 0, unchanged: 0, total: 3 });
    expect(await listAllNotes(db)).toEqual([...notes].sort((a, b) => b.modified - a.modified));
  });

  it('merges duplicates by id: newer modified wins, never a second copy', async () => {
    await importNotes(db, exportJson(notes));
    const newer = { ...notes[0]!, modified: notes[0]!.modified + 10, body: { ...notes[0]!.body, text: 'newer' } };
    const older = { ...notes[1]!, modified: notes[1]!.modified - 1, body: { ...notes[1]!.body, text: 'older' } };
    const result = await importNotes(db, exportJson([newer, older, notes[2]!]));
    expect(result).toEqual({ added: 0, updated: 1, unchanged: 2, total: 3 });
    const stored = await listAllNotes(db);
    expect(stored).toHaveLength(3);
    expect(stored.find((n) => n.id === newer.id)!.body.text).toBe('newer');
    expect(stored.find((n) => n.id === older.id)!.body.text).toBe(notes[1]!.body.text);
  });

  it('merges duplicates inside one file, keeping the newest', async () => {
    const a = exportJson([notes[0]!]).first!.items[0]!;
    const b = { ...a, modified: '2030-01-01T00:00:00.000Z', body: [{ type: 'TextualBody', value: 'latest', purpose: 'commenting' }] };
    expect(await importNotes(db, [b, a])).toEqual({ added: 1, updated: 0, unchanged: 1, total: 2 });
    expect((await listAllNotes(db))[0]!.body.text).toBe('latest');
  });

  it('accepts another tool’s annotation with a text quote (even refining a fragment)', async () => {
    const result = await importNotes(db, `[${sample('anno26.json')}, ${sample('anno32.json')}]`);
    expect(result.added).toBe(2);
    const [first] = (await listAllNotes(db)).filter((n) => n.target.quote.exact === 'anotation');
    expect(first).toMatchObject({
      id: await noteIdFor('http://example.org/anno26'),
      target: { source: 'http://example.org/page1', quote: { exact: 'anotation', prefix: 'this is an ', suffix: ' that has some' } },
      body: { text: 'http://example.org/comment1', tags: [], color: 'yellow' },
      deviceId: IMPORTED_DEVICE,
      created: 0, // no dates in the file: older than any edit
      modified: 0,
    });
    // Importing the same file again merges by its (derived) id.
    expect((await importNotes(db, `[${sample('anno26.json')}]`)).unchanged).toBe(1);
    expect(await db.notes.count()).toBe(2);
  });

  it('reads tags, bodyValue, collections with items, and canonicalises the page URL', async () => {
    const file = {
      type: 'AnnotationCollection',
      first: {
        type: 'AnnotationPage',
        items: [
          {
            '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'urn:x:1', type: 'Annotation',
            body: [{ type: 'TextualBody', value: 'said so', purpose: 'commenting' }, { type: 'TextualBody', value: ' Kyiv ', purpose: 'tagging' }],
            target: [{ source: 'https://News.example.com/a?utm_source=x#top', selector: [{ type: 'TextQuoteSelector', exact: 'q', prefix: 'p'.repeat(100) }] }],
            modified: '2025-05-05T10:00:00Z',
          },
          { id: 'urn:x:2', type: ['Annotation'], bodyValue: 'plain', target: { source: 'https://e.org/b', selector: { type: 'TextQuoteSelector', exact: 'w' } } },
        ],
      },
    };
    expect((await importNotes(db, file)).added).toBe(2);
    const all = await listAllNotes(db);
    const one = all.find((n) => n.body.text === 'said so')!;
    expect(one.body.tags).toEqual(['Kyiv']);
    expect(one.target.source).toBe('https://news.example.com/a');
    expect(one.target.quote.prefix).toBe('p'.repeat(64));
    expect(one.modified).toBe(Date.UTC(2025, 4, 5, 10));
    expect(all.find((n) => n.body.text === 'plain')).toBeDefined();
  });

  it('is all or nothing: one bad item writes nothing and is named with the reason', async () => {
    await importNotes(db, exportJson([notes[0]!]));
    const before = await db.notes.toArray();
    const good = exportJson([notes[1]!, notes[2]!]).first!.items;
    const bad = { ...good[1]!, id: 'urn:uuid:bad', body: [{ type: 'TextualBody', value: 'x'.repeat(41), purpose: 'tagging' }] };
    const error = await importNotes(db, [good[0], bad]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toMatch(/^Nothing was imported\. item 2 \(urn:uuid:bad\): .*body\.tags/);
    expect(await db.notes.toArray()).toEqual(before);
  });

  it('names items without a text quote, and files that are not annotations', async () => {
    const collection = sample('collection1.json');
    await expect(importNotes(db, collection)).rejects.toThrow(/item 1 \(http:\/\/example\.org\/anno1\): no target has a TextQuoteSelector/);
    await expect(importNotes(db, collection)).rejects.toThrow(/and \d+ more/);
    await expect(importNotes(db, '{"hello": 1}')).rejects.toThrow(/Not a W3C Web Annotation file/);
    await expect(importNotes(db, '{oops')).rejects.toThrow(/Not a JSON file/);
    expect(await db.notes.count()).toBe(0);
  });
});

describe('importing a file again', () => {
  const undated = [{
    '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'https://tool.example/anno/1', type: 'Annotation',
    bodyValue: 'from the other tool',
    target: { source: 'https://news.example.com/a', selector: { type: 'TextQuoteSelector', exact: 'words' } },
  }];

  it('changes nothing when the file is unchanged, and says so', async () => {
    expect(await importNotes(db, undated)).toEqual({ added: 1, updated: 0, unchanged: 0, total: 1 });
    const first = await db.notes.toArray();
    await new Promise((r) => setTimeout(r, 5)); // a later "now", which must not matter
    expect(await importNotes(db, undated)).toEqual({ added: 0, updated: 0, unchanged: 1, total: 1 });
    expect(await db.notes.toArray()).toEqual(first);
  });

  it('keeps the reader’s edit of an annotation that has no dates', async () => {
    await importNotes(db, undated);
    const [note] = await listAllNotes(db);
    await updateNoteBody(db, { id: note!.id, body: { ...note!.body, text: 'my own words' } }, ctx);
    expect(await importNotes(db, undated)).toMatchObject({ updated: 0, unchanged: 1 });
    expect((await listAllNotes(db))[0]).toMatchObject({ body: { text: 'my own words' }, conflicts: [] });
  });

  it('gives the same note in every profile that imports it', async () => {
    const other = openNotesDb(`test-${crypto.randomUUID()}`);
    await importNotes(db, undated);
    await importNotes(other, undated);
    expect(await other.notes.toArray()).toEqual(await db.notes.toArray());
    other.close();
    await Dexie.delete(other.name);
  });
});

describe('import merges versions as sync does', () => {
  const theirs = { text: 'theirs', tags: [], color: 'blue' as const, modified: 1_500, deviceId: 'dev-b' };

  it('keeps the stored note’s unresolved conflicts when a newer copy arrives', async () => {
    const stored = makeNote({ n: 7, conflicts: [theirs] });
    await importNotes(db, exportJson([stored]));
    const newer = { ...stored, body: { ...stored.body, text: 'newer, from another computer' }, modified: stored.modified + 100, deviceId: 'dev-c', conflicts: [] };
    expect(await importNotes(db, exportJson([newer]))).toMatchObject({ updated: 1 });
    const [note] = await listAllNotes(db);
    expect(note!.body.text).toBe('newer, from another computer');
    // Both other versions stay listed until the reader resolves them: the conflict, and the
    // stored text (dev-c's edit may not have seen it).
    expect(note!.conflicts.map((c) => [c.text, c.deviceId])).toEqual([['Note number 7', 'device-a'], ['theirs', 'dev-b']]);
  });

  it('lets a device’s newer edit replace its own older text, still keeping every conflict', async () => {
    const stored = makeNote({ n: 8, conflicts: [theirs] });
    await importNotes(db, exportJson([stored]));
    const other = { ...theirs, text: 'a third version', deviceId: 'dev-d', modified: 1_600 };
    const newer = { ...stored, body: { ...stored.body, text: 'edited again on device-a' }, modified: stored.modified + 100, conflicts: [other, theirs] };
    await importNotes(db, exportJson([newer]));
    const [note] = await listAllNotes(db);
    expect(note!.body.text).toBe('edited again on device-a');
    expect(note!.conflicts.map((c) => c.text)).toEqual(['a third version', 'theirs']);
  });

  it('changes nothing with an older copy, conflicts or not', async () => {
    const stored = makeNote({ n: 9 });
    await importNotes(db, exportJson([stored]));
    const older = { ...stored, body: { ...stored.body, text: 'older' }, modified: stored.modified - 1, conflicts: [theirs] };
    expect(await importNotes(db, exportJson([older]))).toMatchObject({ updated: 0, unchanged: 1 });
    expect(await listAllNotes(db)).toEqual([stored]);
  });

  it('does not bring a deleted note’s text back as a conflict', async () => {
    const stored = makeNote({ n: 10, deleted: true });
    await importNotes(db, exportJson([stored], { includeDeleted: true }));
    const newer = { ...stored, deleted: false, body: { ...stored.body, text: 'edited elsewhere' }, modified: stored.modified + 5, deviceId: 'dev-c' };
    await importNotes(db, exportJson([newer]));
    expect((await listAllNotes(db))[0]).toMatchObject({ deleted: false, body: { text: 'edited elsewhere' }, conflicts: [] });
  });
});

describe('import of note targets', () => {
  it('refuses a target that is not a web page (javascript:, data:, urn:), naming the item', async () => {
    const item = (id: string, source: string, url?: string) => ({
      type: 'Annotation', id,
      target: { source, selector: { type: 'TextQuoteSelector', exact: 'words' } },
      ...(url ? { crosscheck: { url } } : {}),
    });
    for (const [one, why] of [
      [item('a', 'javascript:alert(1)'), /item 1 \(a\): Not an http\(s\) page URL: javascript:alert\(1\)/],
      [item('b', 'data:text/html,<script>x</script>'), /item 1 \(b\): Not an http\(s\) page URL: data:/],
      [item('c', 'urn:isbn:0451450523'), /item 1 \(c\): Not an http\(s\) page URL/],
      [item('d', 'https://e.com/a', 'javascript:alert(1)'), /item 1 \(d\): .*must be an http\(s\) URL.*target\.url/],
    ] as const) {
      await expect(importNotes(db, [one])).rejects.toThrow(why);
    }
    expect(await db.notes.count()).toBe(0);
  });
});

describe('noteIdFor', () => {
  it('keeps our uuids and derives stable name-based ones for other ids', async () => {
    expect(await noteIdFor('urn:uuid:00000000-0000-4000-8000-00000000000A')).toBe('00000000-0000-4000-8000-00000000000a');
    const a = await noteIdFor('http://example.org/anno1');
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await noteIdFor('http://example.org/anno1')).toBe(a);
    expect(await noteIdFor('http://example.org/anno2')).not.toBe(a);
  });
});

describe('import error messages', () => {
  it('explains an empty quote in words', async () => {
    const item = { type: 'Annotation', id: 'a', target: { source: 'https://e.com', selector: { type: 'TextQuoteSelector', exact: '' } } };
    await expect(importNotes(db, [item])).rejects.toThrow(/item 1 \(a\): TextQuoteSelector: ✖ Too small.*→ at exact/);
  });
});
