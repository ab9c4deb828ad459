import { describe, expect, it } from 'vitest';
import { exportJson, exportMarkdown, toWebAnnotation } from '../../../lib/notes/export';
import { makeNote } from '../../fixtures/notes/sample-notes';
import { mustAssertions } from './web-annotation-validator';

const musts = mustAssertions();

const notes = [
  makeNote({ n: 1 }),
  makeNote({
    n: 2,
    body: { text: 'Two **bold** claims\n\n- one\n- two', tags: ['Ukraine', 'numbers'], color: 'pink' },
    claimId: 'claim-7',
    conflicts: [{ text: 'other', tags: [], color: 'blue', modified: 5, deviceId: 'device-b' }],
  }),
  makeNote({ n: 3, body: { text: '', tags: [], color: 'green' } }),
  makeNote({ n: 4, target: { source: 'https://other.org/p', url: 'https://other.org/p', title: 'Other [page]', quote: { type: 'TextQuoteSelector', exact: 'line one\nline two', prefix: '', suffix: '' } } }),
  makeNote({ n: 5, deleted: true, body: { text: 'gone', tags: [], color: 'yellow' } }),
];
const fixed = { now: () => Date.UTC(2026, 0, 2), newId: () => '11111111-2222-4333-8444-555555555555' };

describe('exportJson', () => {
  it('compiles every MUST assertion of the W3C test suite', () => {
    expect(musts.count).toBe(54);
  });

  it('produces annotations that pass every MUST assertion', () => {
    const collection = exportJson(notes, fixed);
    const items = collection.first!.items;
    expect(items).toHaveLength(4);
    for (const item of items) expect(musts.check(item)).toEqual([]);
  });

  it('checks for real: a broken annotation fails the assertions', () => {
    const broken = { ...toWebAnnotation(notes[0]!), '@context': 'http://example.org/ctx', created: 'yesterday' };
    const failed = musts.check(broken).map((f) => f.assertion);
    expect(failed).toContain('annotations/3.1-annotationContextValidated.json');
    expect(failed).toContain('annotations/3.3.1-annotationCreatedValidated.json');
  });

  it('builds the collection with a page, and maps each note fully', () => {
    const collection = exportJson(notes, fixed);
    expect(collection).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'urn:uuid:11111111-2222-4333-8444-555555555555',
      type: 'AnnotationCollection',
      total: 4,
      generated: '2026-01-02T00:00:00.000Z',
      first: { type: 'AnnotationPage', startIndex: 0 },
    });
    const second = collection.first!.items[1]!;
    expect(second).toMatchObject({
      id: `urn:uuid:${notes[1]!.id}`,
      type: 'Annotation',
      created: new Date(notes[1]!.created).toISOString(),
      modified: new Date(notes[1]!.modified).toISOString(),
      body: [
        { type: 'TextualBody', value: notes[1]!.body.text, format: 'text/markdown', purpose: 'commenting' },
        { type: 'TextualBody', value: 'Ukraine', purpose: 'tagging' },
        { type: 'TextualBody', value: 'numbers', purpose: 'tagging' },
      ],
      target: { source: notes[1]!.target.source, selector: [{ type: 'TextQuoteSelector', exact: 'quoted words 2' }, { type: 'TextPositionSelector', start: 20, end: 34 }] },
      crosscheck: { color: 'pink', claimId: 'claim-7', deviceId: 'device-a', conflicts: notes[1]!.conflicts },
    });
    expect(collection.first!.items[2]!.body).toBeUndefined(); // no text, no tags: no body
  });

  it('includes tombstones only when asked, and leaves out the page when empty', () => {
    expect(exportJson(notes, { ...fixed, includeDeleted: true }).total).toBe(5);
    const empty = exportJson([], fixed);
    expect(empty.total).toBe(0);
    expect(empty.first).toBeUndefined();
  });
});

describe('exportMarkdown', () => {
  const md = exportMarkdown(notes, fixed);

  it('groups notes by page under a link to the page', () => {
    expect(md).toMatch(/^# Crosscheck notes\n\nExported 2026-01-02T00:00:00.000Z\. 4 notes on 2 pages\./);
    expect(md).toContain('## [Other \\[page\\]](https://other.org/p)');
    expect(md.match(/^## /gm)).toHaveLength(2);
    // The page with the most recent edit comes first.
    expect(md.indexOf('## [Other')).toBeLessThan(md.indexOf('## [A story]'));
  });

  it('writes quotes as block quotes, then the note and its tags', () => {
    expect(md).toContain('> line one\n> line two');
    expect(md).toContain('> quoted words 2\n\nTwo **bold** claims\n\n- one\n- two\n\n*Tags: `Ukraine`, `numbers` · Colour: pink');
    expect(md).not.toContain('gone');
  });

  it('says so when there is nothing to export', () => {
    expect(exportMarkdown([], fixed)).toContain('No notes.');
  });
});
