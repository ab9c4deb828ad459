// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { describe as describeText } from '@/lib/anchoring/describe';
import { NotesLayer, type PageMarks } from '@/lib/annotator/notes-layer';
import { readPageText } from '@/lib/dom/page-text';
import type { NoteMark } from '@/lib/notes/note-content-routes';

const ARTICLE = `
  <article>
    <h1>Caracas weather</h1>
    <p>Forecasters expect steady rain, with the <b>heaviest showers</b> on Wednesday afternoon.</p>
    <p>Drivers are advised to allow extra time.</p>
  </article>`;

/** A mark for `quote` as the page reads now (what the editor would have saved). */
function markFor(id: string, quote: string, color: NoteMark['color'] = 'yellow'): NoteMark {
  const text = readPageText(document.body).text;
  const start = text.indexOf(quote);
  return { id, color, ...describeText(text, start, start + quote.length) };
}

function layerWith(marks: () => NoteMark[]) {
  let fetches = 0;
  const layer = new NotesLayer({
    fetch: async (): Promise<PageMarks> => {
      fetches++;
      return { tabId: 4, source: 'https://news.example/story', marks: marks() };
    },
    root: () => document.body,
  });
  return { layer, fetches: () => fetches };
}

beforeEach(() => {
  document.body.innerHTML = ARTICLE;
});

describe('NotesLayer', () => {
  it('anchors each note on its words, across inline elements, and knows the page', async () => {
    const marks = [markFor('a', 'heaviest showers on Wednesday'), markFor('b', 'extra time', 'green')];
    const { layer } = layerWith(() => marks);
    await layer.refresh();
    expect(layer.page).toEqual({ tabId: 4, source: 'https://news.example/story' });
    expect(layer.notes.map((n) => [n.mark.id, n.range.toString()])).toEqual([
      ['a', 'heaviest showers on Wednesday'],
      ['b', 'extra time'],
    ]);
    expect(layer.notFound).toEqual([]);
    expect(layer.find('b')?.range.toString()).toBe('extra time');
  });

  it('finds a note again after a paragraph is inserted above and a word changed nearby', async () => {
    const marks = [markFor('a', 'heaviest showers on Wednesday')];
    const { layer, fetches } = layerWith(() => marks);
    await layer.refresh();
    document.body.innerHTML = ARTICLE.replace('<h1>', '<p>Update: revised after the storm.</p><h1>').replace('steady', 'heavy');
    await layer.reanchor();
    expect(layer.notes.map((n) => n.range.toString())).toEqual(['heaviest showers on Wednesday']);
    expect(fetches()).toBe(1); // a page change re-anchors what it has; only notesChangedRoute fetches
  });

  it('lists a note whose text is gone as not found, and keeps it for when the text comes back', async () => {
    const marks = [markFor('a', 'heaviest showers on Wednesday'), markFor('b', 'extra time')];
    const { layer } = layerWith(() => marks);
    document.body.innerHTML = ARTICLE.replace(/<p>Forecasters.*?<\/p>/s, '');
    await layer.refresh();
    expect(layer.notFound).toEqual(['a']);
    expect(layer.notes.map((n) => n.mark.id)).toEqual(['b']);
    document.body.innerHTML = ARTICLE;
    await layer.reanchor();
    expect(layer.notFound).toEqual([]);
    expect(layer.notes.map((n) => n.mark.id)).toEqual(['a', 'b']);
  });

  it('fetches again on refresh (a note was added elsewhere), coalescing overlapping calls', async () => {
    let marks = [markFor('a', 'extra time')];
    const { layer, fetches } = layerWith(() => marks);
    await layer.refresh();
    marks = [...marks, markFor('b', 'steady rain', 'blue')];
    await Promise.all([layer.refresh(), layer.reanchor(), layer.refresh()]);
    await layer.reanchor(); // runs after the coalesced one has settled
    expect(layer.notes.map((n) => n.mark.id)).toEqual(['b', 'a']);
    expect(fetches()).toBeLessThanOrEqual(3);
    expect(fetches()).toBeGreaterThanOrEqual(2);
  });

  it('clear forgets every note', async () => {
    const { layer } = layerWith(() => [markFor('a', 'extra time')]);
    await layer.refresh();
    layer.clear();
    expect(layer.notes).toEqual([]);
    expect(layer.notFound).toEqual([]);
  });
});
