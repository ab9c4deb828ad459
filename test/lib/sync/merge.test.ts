import { describe, expect, it } from 'vitest';
import { entryString } from '@/lib/sync/codec';
import { entryToNote, mergeEntries, metaOf, noteToEntry, sameNote } from '@/lib/sync/merge';
import type { SyncEntry, SyncVersion } from '@/lib/sync/schema';
import { addDot, hasSeen, joinHistories } from '@/lib/sync/version-vector';
import { makeNote } from './support/devices';

const id = '0f8fad5b-d9cb-469f-a165-70867728950e';

/** Versions of one note as three devices might make them, edits on top of each other or not. */
function history(): SyncEntry[] {
  const base = makeNote(id, 'v0', 10, 'A');
  const e0 = noteToEntry(base, undefined);
  const onA = noteToEntry({ ...base, body: { ...base.body, text: 'A1' }, modified: 20 }, metaOf(e0));
  const onB = noteToEntry({ ...base, body: { ...base.body, text: 'B1' }, modified: 21, deviceId: 'B' }, metaOf(e0));
  const delC = noteToEntry({ ...base, deleted: true, modified: 15, deviceId: 'C' }, metaOf(e0));
  const both = mergeEntries(onA, onB);
  const resolved = noteToEntry({ ...entryToNote(both, base)!, body: { ...base.body, text: 'R' }, modified: 30, conflicts: [] }, metaOf(both));
  return [e0, onA, onB, delC, both, resolved];
}

const same = (a: SyncEntry, b: SyncEntry) => expect(entryString(a)).toBe(entryString(b));

describe('merge', () => {
  it('is commutative, associative and idempotent', () => {
    const xs = history();
    for (const a of xs) {
      same(mergeEntries(a, a), mergeEntries(a, mergeEntries(a, a)));
      for (const b of xs) {
        same(mergeEntries(a, b), mergeEntries(b, a));
        for (const c of xs) same(mergeEntries(mergeEntries(a, b), c), mergeEntries(a, mergeEntries(b, c)));
      }
    }
  });

  it('keeps concurrent edits: the newer as body, the other as a conflict', () => {
    const [, onA, onB] = history();
    const note = entryToNote(mergeEntries(onA!, onB!), undefined)!;
    expect(note.body.text).toBe('B1');
    expect(note.conflicts.map((c) => c.text)).toEqual(['A1']);
  });

  it('replaces a version with an edit made on top of it', () => {
    const [e0, onA] = history();
    expect(entryToNote(mergeEntries(e0!, onA!), undefined)).toMatchObject({ body: { text: 'A1' }, conflicts: [] });
  });

  it('lets a later edit beat an earlier concurrent delete, and a later delete win over an earlier edit', () => {
    const [, onA, onB, delC] = history();
    expect(entryToNote(mergeEntries(onA!, delC!), undefined)?.deleted).toBe(false);
    const lateDelete = noteToEntry({ ...makeNote(id, 'v0', 10, 'A'), deleted: true, modified: 99, deviceId: 'C' }, metaOf(history()[0]!));
    const local = entryToNote(onB!, undefined)!;
    const after = entryToNote(mergeEntries(onB!, lateDelete), local)!;
    expect(after.deleted).toBe(true);
    expect(after.body.text).toBe('B1'); // the deleted text stays in the local tombstone
  });

  it('drops conflicts the reader resolved, everywhere', () => {
    const [, onA, onB, , both, resolved] = history();
    const note = entryToNote(mergeEntries(mergeEntries(onA!, resolved!), mergeEntries(onB!, both!)), undefined)!;
    expect(note).toMatchObject({ body: { text: 'R' }, conflicts: [] });
  });

  it('keeps a conflict the reader left unresolved when they edit the body', () => {
    const [, , , , both] = history();
    const local = entryToNote(both!, undefined)!;
    const edited = noteToEntry({ ...local, body: { ...local.body, text: 'B2' }, modified: 40, deviceId: 'A' }, metaOf(both!));
    expect(entryToNote(mergeEntries(edited, both!), undefined)?.conflicts.map((c) => c.text)).toEqual(['A1']);
  });

  it('keeps every version of histories that replace each other in a circle (no device makes them)', () => {
    const v = (d: string, saw: string, m: number): SyncVersion => ({ m, d, x: false, vv: { [d]: 1, [saw]: 1 }, n: 1, b: { text: d, tags: [], color: 'yellow' } });
    const circle: SyncEntry = { id, created: 1, versions: [v('A', 'C', 3), v('B', 'A', 2), v('C', 'B', 1)] };
    const local = noteToEntry(makeNote(id, 'mine', 10, 'L'), undefined);
    const merged = mergeEntries(local, circle);
    expect(entryToNote(merged, undefined)).toMatchObject({ body: { text: 'mine' } });
    expect(entryToNote(merged, undefined)?.conflicts.map((c) => c.text)).toEqual(['A', 'B', 'C']);
  });
});

describe('histories', () => {
  it('remember counters that were not seen', () => {
    const h = addDot({ A: 1 }, 'A', 3);
    expect(hasSeen(h, 'A', 1)).toBe(true);
    expect(hasSeen(h, 'A', 2)).toBe(false);
    expect(hasSeen(h, 'A', 3)).toBe(true);
    expect(joinHistories(h, { A: 2 })).toEqual({ A: 3 });
  });
});

describe('sameNote', () => {
  it('ignores key order (a note read back from the database) but not a changed value', () => {
    const note = makeNote(id, 'text', 10, 'A');
    const { body, ...rest } = note;
    const reordered = { body: { color: body.color, tags: body.tags, text: body.text }, ...rest };
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(note));
    expect(sameNote(reordered, note)).toBe(true);
    expect(sameNote({ ...reordered, body: { ...body, tags: ['x'] } }, note)).toBe(false);
  });
});
