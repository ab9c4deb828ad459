import { describe, expect, it } from 'vitest';
import { updateNotes, type LocalNoteStore } from '@/lib/sync/local-store';
import { MemoryNoteStore } from './support/memory-stores';
import { makeNote } from './support/devices';

describe('updateNotes without an atomic update', () => {
  it('skips a note the reader edited between the read and the write', async () => {
    const mem = new MemoryNoteStore();
    const a = makeNote(crypto.randomUUID(), 'a', 1, 'A');
    const b = makeNote(crypto.randomUUID(), 'b', 1, 'A');
    await mem.putMany([a, b]);
    let reads = 0;
    // A store with only get/putMany, where an edit of `a` lands right after the first read.
    const store: LocalNoteStore = {
      all: () => mem.all(),
      putMany: (notes) => mem.putMany(notes),
      get: async (ids) => {
        const out = await mem.get(ids);
        if (reads++ === 0) await mem.putMany([{ ...a, body: { ...a.body, text: 'edited' }, modified: 2 }]);
        return out;
      },
    };
    await updateNotes(store, [a.id, b.id], (cur) => cur.map((n) => n && { ...n, body: { ...n.body, text: 'merged' } }));
    expect(mem.notes.get(a.id)?.body.text).toBe('edited');
    expect(mem.notes.get(b.id)?.body.text).toBe('merged');
  });
});
