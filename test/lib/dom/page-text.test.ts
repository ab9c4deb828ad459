// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { readBlocks, readPageText } from '@/lib/dom/page-text';
import { offsetOf, rangeFor } from '@/lib/dom/text-ranges';

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

/** What a Range covers, with white space collapsed as a reader sees it. */
const seen = (range: Range | null) => range?.toString().replace(/\s+/g, ' ');

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

describe('white space, as CSS lays it out', () => {
  it('reads source lines wrapped inside a paragraph as one line, with one space between words', () => {
    document.body.innerHTML = `<article>
      <p>
        Nearly 100 Russian   troops
        have <a href="/">landed</a>
        in\tCaracas.
      </p>
    </article>`;
    expect(readPageText(document.body).text).toBe('Nearly 100 Russian troops have landed in Caracas.');
  });

  it('keeps one space between inline elements separated only by source white space, and none where there is none', () => {
    document.body.innerHTML = '<p><em>Two</em>\n   <strong>planes</strong> <span> </span> landed<b>.</b></p>';
    expect(readPageText(document.body).text).toBe('Two planes landed.');
  });

  it('reads <br> as a line break and block boundaries as block breaks; white space around them goes', () => {
    document.body.innerHTML = `<blockquote>
        <p>
          First line, <br>
          second line.
          <br>
        </p>
        — A byline
      </blockquote><p>Next <br><br> paragraph</p>`;
    expect(readBlocks(document.body).map((b) => b.text)).toEqual(['First line,\nsecond line.', '— A byline', 'Next\n\nparagraph']);
  });

  it('keeps pre-formatted text as it is, and non-breaking spaces', () => {
    document.body.innerHTML = '<pre>  a\n    b</pre><p style="white-space: pre-line">x   y\n  z</p><p>A&nbsp;&nbsp;B</p>';
    expect(readPageText(document.body).text).toBe('  a\n    b\n\nx y\nz\n\nA\u00a0\u00a0B');
  });

  it('leaves out what a closed <details> hides, and what inline styles hide', () => {
    document.body.innerHTML =
      '<details><summary>Summary</summary>Hidden <p>also hidden</p></details><p>A<span style="display: none"> secret</span> B</p>';
    expect(readPageText(document.body).text).toBe('Summary\n\nA B');
    document.querySelector('details')!.setAttribute('open', '');
    expect(readPageText(document.body).text).toBe('Summary\n\nHidden\n\nalso hidden\n\nA B');
  });

  it('maps every offset of collapsed text back to the DOM: ranges cover exactly the words', () => {
    document.body.innerHTML = `<p>
        Russian   troops
        <em>  landed </em>
        in Caracas.
      </p>`;
    const page = readPageText(document.body);
    expect(page.text).toBe('Russian troops landed in Caracas.');
    for (const phrase of ['Russian troops', 'troops landed in', 'landed', 'in Caracas.', page.text]) {
      const start = page.text.indexOf(phrase);
      const range = rangeFor(page, start, start + phrase.length);
      expect(seen(range)?.trim(), phrase).toBe(phrase);
      expect(offsetOf(page, range!.startContainer, range!.startOffset)).toBe(start);
    }
  });

  it('reads deeply nested markup without overflowing the stack', () => {
    document.body.innerHTML = `${'<span>'.repeat(20_000)}deep text${'</span>'.repeat(20_000)}`;
    expect(readPageText(document.body).text).toBe('deep text');
  });
});
