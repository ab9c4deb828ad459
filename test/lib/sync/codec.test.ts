import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readArea } from '@/lib/sync/area-reader';
import { itemBytes, utf8Length } from '@/lib/sync/bytes';
import { encodeEntry, entryString, fromCompact, minEncodedBytes, splitJson, toCompact } from '@/lib/sync/codec';
import { headKey, headKeyLength, packId, parseKey, unpackId } from '@/lib/sync/keys';
import { mergeEntries, noteToEntry } from '@/lib/sync/merge';
import { makeNote } from './support/devices';

const id = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('keys', () => {
  it('packs UUIDs into 22 characters and back', () => {
    for (let i = 0; i < 200; i++) {
      const u = crypto.randomUUID();
      expect(packId(u)).toHaveLength(22);
      expect(unpackId(packId(u))).toBe(u);
    }
    expect(unpackId(packId('not-a-uuid'))).toBe('not-a-uuid');
    expect(parseKey(headKey(id))).toEqual({ kind: 'head', id });
    expect(parseKey('settings')).toBeUndefined();
  });

  it('gives the length of a head key without packing the id', () => {
    for (const x of [id, crypto.randomUUID(), 'not-a-uuid', 'x']) expect(headKeyLength(x)).toBe(headKey(x).length);
  });
});

describe('bytes', () => {
  it('counts UTF-8 like TextEncoder', () => {
    for (const s of ['abc', 'é', '€', '😀', 'a\u{1F600}b', '\ud800x']) {
      expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
    }
  });
});

describe('codec', () => {
  it('round-trips a note compactly, leaving out a URL equal to the source', () => {
    const entry = noteToEntry({ ...makeNote(id, 'hello', 5, 'dev'), claimId: 'c1' }, undefined);
    const rec = toCompact(entry);
    expect(fromCompact(id, JSON.parse(JSON.stringify(rec)))).toEqual(entry);
    expect(JSON.stringify(rec).split('https://news.example/story').length).toBe(2); // once
    expect(JSON.stringify(rec).length).toBeLessThan(JSON.stringify(entry).length * 0.7);
  });

  it('encodes a tombstone without body or target', () => {
    const note = { ...makeNote(id, 'private text', 5, 'dev'), deleted: true };
    const items = encodeEntry(noteToEntry(note, undefined));
    expect(JSON.stringify(items)).not.toContain('private text');
    expect(JSON.stringify(items)).not.toContain('news.example');
    expect(itemBytes(headKey(id), items[headKey(id)])).toBeLessThan(80);
  });

  it('names the problem in an unreadable record', () => {
    expect(() => fromCompact(id, { c: 1, v: [[1, 'd', 0, {}, 1, 'text', [], 'mauve']] })).toThrow(/color|mauve|option/i);
  });

  it('splits JSON into pieces that each fit, without cutting a character', () => {
    const s = JSON.stringify({ t: '😀"\\\n€'.repeat(3_000) });
    const pieces = splitJson(s, 1_000);
    expect(pieces.join('')).toBe(s);
    for (const p of pieces) expect(utf8Length(JSON.stringify(p))).toBeLessThanOrEqual(1_000);
    for (const p of pieces) expect(/^[\udc00-\udfff]/.test(p)).toBe(false);
  });

  it('reads a chunked note only when every chunk is there and hashes right', () => {
    const entry = noteToEntry(makeNote(id, 'x€'.repeat(9_000), 5, 'dev'), undefined);
    const items = encodeEntry(entry);
    expect(Object.keys(items).length).toBeGreaterThan(2);
    const whole = readArea(items).entries.get(id);
    expect(whole?.kind === 'complete' && entryString(whole.entry)).toBe(entryString(entry));
    const chunk = Object.keys(items).find((k) => k.startsWith('c:'))!;
    const { [chunk]: _gone, ...partial } = items;
    expect(readArea(partial).entries.get(id)?.kind).toBe('incomplete');
    const tampered = { ...items, [chunk]: `${items[chunk] as string}x` };
    expect(readArea(tampered).entries.get(id)?.kind).toBe('incomplete');
  });

  it('lists chunks no manifest points at as orphans', () => {
    const items = encodeEntry(noteToEntry(makeNote(id, 'y'.repeat(20_000), 5, 'dev'), undefined));
    const { [headKey(id)]: _head, ...chunks } = items;
    expect(readArea(chunks).orphanChunks.sort()).toEqual(Object.keys(chunks).sort());
  });
});

describe('minEncodedBytes', () => {
  const text = (ascii: boolean, max: number) => (ascii ? fc.string({ unit: fc.constantFrom(...'abc XYZ019-.:/'), maxLength: max }) : fc.string({ unit: 'binary', maxLength: max }));
  const note = (ascii: boolean) =>
    fc.record({
      text: text(ascii, 12_000),
      tags: fc.array(text(ascii, 40).filter((t) => t.trim().length > 0), { maxLength: 3 }),
      exact: text(ascii, 200).filter((t) => t.length > 0),
      url: fc.constantFrom('https://e.com/a', 'https://e.com/a?x=1'),
      deleted: fc.boolean(),
      claimId: fc.option(text(ascii, 30), { nil: undefined }),
      position: fc.boolean(),
      other: fc.option(text(ascii, 500), { nil: undefined }),
    });
  type Drawn = { text: string; tags: string[]; exact: string; url: string; deleted: boolean; claimId: string | undefined; position: boolean; other: string | undefined };
  const entryOf = (n: Drawn) => {
    const base = makeNote(id, n.text, 1_700_000_000_000, 'dev');
    const mine = noteToEntry({
      ...base,
      body: { ...base.body, tags: n.tags },
      target: { ...base.target, url: n.url, quote: { ...base.target.quote, exact: n.exact }, ...(n.position ? { position: { type: 'TextPositionSelector', start: 3, end: 30 } } : {}) },
      deleted: n.deleted,
      ...(n.claimId !== undefined ? { claimId: n.claimId } : {}),
    }, undefined);
    return n.other === undefined ? mine : mergeEntries(mine, noteToEntry(makeNote(id, n.other, 5, 'other'), undefined));
  };
  const size = (items: Record<string, unknown>) => Object.entries(items).reduce((sum, [k, v]) => sum + itemBytes(k, v), 0);

  it('never exceeds what the encoded items take', () => {
    fc.assert(fc.property(note(false), (n) => {
      const e = entryOf(n);
      expect(minEncodedBytes(e)).toBeLessThanOrEqual(size(encodeEntry(e)));
    }), { seed: 20_260_103, numRuns: 200 });
  });

  it('is exact for a note in plain ASCII that fits one item', () => {
    fc.assert(fc.property(note(true), (n) => {
      const e = entryOf(n);
      const items = encodeEntry(e);
      if (Object.keys(items).length === 1) expect(minEncodedBytes(e)).toBe(size(items));
    }), { seed: 20_260_104, numRuns: 200 });
  });
});
