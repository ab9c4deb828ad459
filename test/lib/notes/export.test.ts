import { describe, expect, it } from 'vitest';
import { exportJson, exportMarkdown, toWebAnnotation } from '@/lib/notes/export';
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

  it('counts in the singular where there is one', () => {
    const one = makeNote({ n: 1 });
    expect(exportMarkdown([one], fixed)).toContain('. 1 note on 1 page.');
    expect(exportMarkdown([one, makeNote({ n: 2 }), makeNote({ n: 3 })], fixed)).toContain('. 3 notes on 1 page.');
  });
});

describe('export of notes stored before dates were bounded', () => {
  it('writes a date no ISO string can hold as the nearest that can be, and exports the rest', () => {
    const bad = makeNote({ n: 1, modified: 9e15, created: -5 });
    const json = exportJson([bad, makeNote({ n: 2 })], fixed);
    expect(json.first!.items.map((a) => [a.created, a.modified])).toEqual([
      ['1970-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z'],
      ['1970-01-01T00:00:01.002Z', '1970-01-01T00:00:02.002Z'],
    ]);
    expect(exportMarkdown([bad], fixed)).toContain('Modified: 9999-12-31');
  });
});

describe('exportMarkdown of hostile notes', () => {
  const hostile = [
    '<script>alert(1)</script> and <img src=x onerror=alert(2)> and <!-- hidden -->',
    'inline `<b>code</b>` and a [bad link](javascript:alert(3)) and [a good one](https://e.com/a) and <https://e.com/auto>',
    '[entity](java&#115;cript:alert(4)) and [ref]: javascript:alert(5)',
    '[ref]: data:text/html,<b>x</b>',
    '```\n<div>code stays</div>\n```',
    '- `a\n- b <svg onload=alert(6)> `c`',
  ].join('\n\n');
  const note = makeNote({ n: 1, body: { text: hostile, tags: [], color: 'yellow' } });
  const page = makeNote({ n: 2, target: { ...note.target, source: 'https://other.example/p', title: 'Title <img src=x onerror=alert(7)>' } });
  const quoted = makeNote({ n: 3, target: { ...note.target, quote: { type: 'TextQuoteSelector', exact: 'page said <iframe src=javascript:alert(8)>', prefix: '', suffix: '' } } });
  const md = exportMarkdown([note, page, quoted], fixed);
  /** The file without its fenced code (HTML is text there in every tool that reads fences) and autolinks. */
  const outsideFences = md.replace(/^```\n[\s\S]*?\n```$/gm, '').replace(/<https:\/\/[^\s<>]*>/g, '');

  it('leaves no raw HTML a Markdown tool would pass through', () => {
    expect(outsideFences).not.toMatch(/<[a-z!/?]/i);
    for (const shown of ['&lt;script>alert(1)&lt;/script>', '&lt;img src=x onerror=alert(2)>', '&lt;!-- hidden -->', '&lt;svg onload=alert(6)>', '&lt;iframe']) {
      expect(md).toContain(shown);
    }
    expect(md).toContain('## [Title &lt;img src=x onerror=alert(7)\\>]');
  });

  it('unlinks destinations that are not plainly http(s) or mailto, keeping the words', () => {
    expect(md).toContain('[bad link]\\(javascript:alert(3))');
    expect(md).toContain('[entity]\\(java&#115;cript:alert(4))');
    expect(md).toContain('\\[ref]: data:text/html');
    expect(md).toContain('[a good one](https://e.com/a)');
    expect(md).toContain('<https://e.com/auto>');
  });

  it('leaves fenced code as written', () => {
    expect(md).toContain('```\n<div>code stays</div>\n```');
  });
});
