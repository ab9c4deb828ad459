// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { anchor } from '@/lib/anchoring/anchor';
import { selectionOffsets, selectorsFor } from '@/lib/annotator/selection';
import { MAX_QUOTE } from '@/lib/anchoring/selectors';
import { readPageText } from '@/lib/dom/page-text';

beforeEach(() => {
  document.body.innerHTML = `<h1>Troops land</h1><p>Nearly <b>100</b> Russian troops <em>landed</em> in Caracas.</p><p>Second paragraph.</p>`;
});

function rangeOver(startNode: Node, startOffset: number, endNode: Node, endOffset: number): Range {
  const range = document.createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  return range;
}

describe('selection → selectors', () => {
  it('describes a selection across inline elements with quote, context and position that anchor back', () => {
    const p = document.querySelector('p')!;
    const range = rangeOver(p.querySelector('b')!.firstChild!, 0, p.querySelector('em')!.firstChild!, 6);
    const page = readPageText(document.body);
    const selectors = selectorsFor(page, range)!;
    expect(selectors.quote.exact).toBe('100 Russian troops landed');
    expect(selectors.quote.prefix).toBe('Troops land\n\nNearly ');
    expect(anchor(page.text, selectors)).toEqual({ start: selectors.position!.start, end: selectors.position!.end, method: 'position' });
  });

  it('trims whitespace and handles boundaries on elements (a triple-click ends at the next block)', () => {
    const [first, second] = document.querySelectorAll('p');
    const page = readPageText(document.body);
    const at = selectionOffsets(page, rangeOver(first!.lastChild!, 0, second!, 0))!;
    expect(page.text.slice(at.start, at.end)).toBe('in Caracas.');
    const words = selectionOffsets(page, rangeOver(first!.firstChild!, 0, first!.firstChild!, 7))!;
    expect(page.text.slice(words.start, words.end)).toBe('Nearly');
  });

  it('gives null for a selection with no page text in it', () => {
    const p = document.querySelector('p')!;
    const page = readPageText(document.body);
    expect(selectionOffsets(page, rangeOver(p.firstChild!, 6, p.firstChild!, 7))).toBeNull(); // one space
    const outside = document.createElement('div');
    outside.textContent = 'not in the page text';
    document.documentElement.append(outside);
    expect(selectorsFor(page, rangeOver(outside.firstChild!, 0, outside.firstChild!, 5))).toBeNull();
  });

  it('cuts a very long selection at the quote limit', () => {
    document.body.innerHTML = `<p>${'word '.repeat(2000)}</p>`;
    const text = document.querySelector('p')!.firstChild!;
    const page = readPageText(document.body);
    const at = selectionOffsets(page, rangeOver(text, 0, text, 10_000))!;
    expect(at.end - at.start).toBe(MAX_QUOTE);
  });
});
