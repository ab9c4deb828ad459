// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { offsetOf, rangeFor, readPageText } from '@/lib/dom/page-text';

beforeEach(() => {
  document.body.innerHTML = `
    <header><nav><a href="/">Home</a></nav></header>
    <article>
      <h1>Troops land</h1>
      <p>Nearly <b>100</b> Russian troops <em>landed</em> in Caracas.</p>
      <script>var hidden = "script text";</script>
      <style>p { color: red }</style>
      <p hidden>Hidden paragraph.</p>
      <p style="display:none">Not displayed.</p>
      <p>Second paragraph.<textarea>typed text</textarea></p>
      <div id="ui">Extension UI</div>
    </article>`;
});

describe('readPageText', () => {
  it('reads visible text across inline elements, separating blocks, skipping hidden and non-text', () => {
    const page = readPageText(document.body, { skip: (el) => el.id === 'ui' });
    expect(page.text).toBe('Home\n\nTroops land\n\nNearly 100 Russian troops landed in Caracas.\n\nSecond paragraph.');
  });

  it('maps offsets back to DOM ranges whose text is the same', () => {
    const page = readPageText(document.body);
    const start = page.text.indexOf('100 Russian troops landed');
    const end = start + '100 Russian troops landed'.length;
    const range = rangeFor(page, start, end)!;
    expect(range.toString()).toBe('100 Russian troops landed');
    expect(offsetOf(page, range.startContainer, range.startOffset)).toBe(start);
    expect(offsetOf(page, range.endContainer, range.endOffset)).toBe(end);
  });

  it('returns null for offsets outside the text, and for text that left the document', () => {
    const page = readPageText(document.body);
    expect(rangeFor(page, -1, 3)).toBeNull();
    expect(rangeFor(page, 0, page.text.length + 1)).toBeNull();
    const start = page.text.indexOf('Second');
    document.querySelectorAll('p')[3]!.remove();
    expect(rangeFor(page, start, start + 6)).toBeNull();
  });
});
