import { describe, expect, it } from 'vitest';
import { isSafeHref, MAX_INLINE_DEPTH, parseInline, parseMarkdown, type Block, type Inline } from '@/lib/notes/markdown';
import { newBudget, PARSE_BUDGET } from '@/lib/notes/markdown-inline';

const t = (text: string) => ({ type: 'text', text });

describe('parseInline', () => {
  it('parses emphasis, strong, code and nested marks', () => {
    expect(parseInline('a *b* **c** `d*e*` ***f***')).toEqual([
      t('a '), { type: 'em', children: [t('b')] }, t(' '), { type: 'strong', children: [t('c')] }, t(' '),
      { type: 'code', text: 'd*e*' }, t(' '), { type: 'strong', children: [{ type: 'em', children: [t('f')] }] },
    ]);
    expect(parseInline('_em_ and __strong__')).toEqual([
      { type: 'em', children: [t('em')] }, t(' and '), { type: 'strong', children: [t('strong')] },
    ]);
  });

  it('leaves unmatched marks, snake_case and escapes as text', () => {
    expect(parseInline('2 * 3 = 6 and *open')).toEqual([t('2 * 3 = 6 and *open')]);
    expect(parseInline('snake_case_name')).toEqual([t('snake_case_name')]);
    expect(parseInline('\\*not em\\*')).toEqual([t('*not em*')]);
  });

  it('keeps links with safe schemes only, with their words either way', () => {
    expect(parseInline('[the *source*](https://e.com/a_(b) "t")')).toEqual([
      { type: 'link', href: 'https://e.com/a_(b)', children: [t('the '), { type: 'em', children: [t('source')] }] },
    ]);
    expect(parseInline('[mail](mailto:a@b.org)')).toEqual([{ type: 'link', href: 'mailto:a@b.org', children: [t('mail')] }]);
    expect(parseInline('[click](javascript:alert(1))')).toEqual([t('click')]);
    expect(parseInline('[x](JaVaScRiPt:alert(1)) [y](data:text/html,hi) [z](/relative)')).toEqual([
      t('x'), t(' '), t('y'), t(' '), t('z'),
    ]);
    expect(parseInline('see https://e.com/x. and <https://e.org>')).toEqual([
      t('see '), { type: 'link', href: 'https://e.com/x', children: [t('https://e.com/x')] }, t('. and '),
      { type: 'link', href: 'https://e.org', children: [t('https://e.org')] },
    ]);
  });

  it('keeps raw HTML as text', () => {
    expect(parseInline('<script>alert(1)</script> <img src=x onerror=alert(1)>')).toEqual([
      t('<script>alert(1)</script> <img src=x onerror=alert(1)>'),
    ]);
  });

  it('makes hard breaks from two trailing spaces or a backslash', () => {
    expect(parseInline('a  \nb\\\nc\nd')).toEqual([t('a'), { type: 'break' }, t('b'), { type: 'break' }, t('c\nd')]);
  });
});

describe('isSafeHref', () => {
  it('allows http, https and mailto only', () => {
    expect(isSafeHref('https://e.com')).toBe(true);
    expect(isSafeHref('HTTP://e.com')).toBe(true);
    expect(isSafeHref('mailto:x@y.z')).toBe(true);
    for (const bad of ['javascript:alert(1)', ' javascript:alert(1)', 'java\tscript:x', 'data:text/html,x', 'vbscript:x', '//e.com', '/a', 'chrome-extension://id/x']) {
      expect(isSafeHref(bad), bad).toBe(false);
    }
  });
});

describe('parseMarkdown', () => {
  it('parses headings, paragraphs, rules and code blocks', () => {
    expect(parseMarkdown('# Title #\n\nLine one\nline two\n\n---\n\n```ts\nconst a = "<b>";\n\n*x*\n```\nafter')).toEqual([
      { type: 'heading', level: 1, children: [t('Title')] },
      { type: 'paragraph', children: [t('Line one\nline two')] },
      { type: 'rule' },
      { type: 'code_block', lang: 'ts', text: 'const a = "<b>";\n\n*x*' },
      { type: 'paragraph', children: [t('after')] },
    ]);
  });

  it('parses lists, ordered and nested, with continuation lines', () => {
    expect(parseMarkdown('- one\n- two\n  more\n  - nested\n- three\n\n3. c\n4. d')).toEqual([
      {
        type: 'list', ordered: false, start: 1,
        items: [
          [{ type: 'paragraph', children: [t('one')] }],
          [{ type: 'paragraph', children: [t('two\nmore')] }, { type: 'list', ordered: false, start: 1, items: [[{ type: 'paragraph', children: [t('nested')] }]] }],
          [{ type: 'paragraph', children: [t('three')] }],
        ],
      },
      { type: 'list', ordered: true, start: 3, items: [[{ type: 'paragraph', children: [t('c')] }], [{ type: 'paragraph', children: [t('d')] }]] },
    ]);
  });

  it('parses block quotes containing other blocks', () => {
    expect(parseMarkdown('> quoted **text**\n> - item\n\nafter')).toEqual([
      { type: 'blockquote', children: [
        { type: 'paragraph', children: [t('quoted '), { type: 'strong', children: [t('text')] }] },
        { type: 'list', ordered: false, start: 1, items: [[{ type: 'paragraph', children: [t('item')] }]] },
      ] },
      { type: 'paragraph', children: [t('after')] },
    ]);
  });

  it('stops nesting at a depth limit instead of overflowing', () => {
    const tree = parseMarkdown('>'.repeat(10_000) + ' deep');
    let depth = 0;
    for (let node = tree[0]; node?.type === 'blockquote'; node = node.children[0]) depth++;
    expect(depth).toBe(20);
  });

  it('returns nothing for empty text', () => {
    expect(parseMarkdown('')).toEqual([]);
    expect(parseMarkdown('  \n\n ')).toEqual([]);
  });
});

/** How deep a tree goes, blocks and inlines together. */
function depthOf(nodes: (Block | Inline)[]): number {
  let deepest = 0;
  for (const n of nodes) {
    const kids: (Block | Inline)[] = 'children' in n ? n.children : 'items' in n ? n.items.flat() : [];
    deepest = Math.max(deepest, 1 + depthOf(kids));
  }
  return deepest;
}
/** Every character of text in a tree, in order. */
const textOf = (nodes: (Block | Inline)[]): string =>
  nodes.map((n) => ('text' in n ? n.text : 'children' in n ? textOf(n.children) : 'items' in n ? textOf(n.items.flat()) : '')).join('');

describe('hostile notes', () => {
  it('caps nesting: a note of 1,600 nested links parses to a shallow tree, its words kept', () => {
    const note = `${'['.repeat(1600)}a${'](http://x)'.repeat(1600)}`;
    const tree = parseMarkdown(note);
    expect(depthOf(tree)).toBeLessThanOrEqual(2 + MAX_INLINE_DEPTH); // paragraph, links, text
    expect(textOf(tree)).toContain('a');
    expect(textOf(tree).length).toBeGreaterThan(note.length / 2); // the deep part stays as text
  });

  it('bounds the work of a note built to make every opener search to its end, keeping its text', () => {
    for (const note of ['['.repeat(20_000), '*a '.repeat(6_666), ' _x'.repeat(6_666), '`a ``b '.repeat(2_800)]) {
      const budget = newBudget();
      const tree = parseInline(note, budget);
      expect(budget.left, note.slice(0, 6)).toBeGreaterThan(-note.length * 2);
      expect(PARSE_BUDGET - budget.left, note.slice(0, 6)).toBeLessThanOrEqual(PARSE_BUDGET + note.length * 2);
      // Every letter and bracket is still there (`*`, `_` and backticks may be markup).
      const kept = (x: string) => (x.match(/[a-z[]/g) ?? []).length;
      expect(kept(textOf(tree)), note.slice(0, 6)).toBe(kept(note));
    }
    // An ordinary long note is parsed in full, far within the budget.
    const budget = newBudget();
    const ordinary = 'Some *emphasis*, a [link](https://e.com), `code` and **strong** words. '.repeat(250);
    const tree = parseInline(ordinary, budget);
    expect(tree.filter((n) => n.type === 'link')).toHaveLength(250);
    expect(budget.left).toBeGreaterThan(PARSE_BUDGET / 2);
  });
});
