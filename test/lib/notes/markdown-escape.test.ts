import { describe, expect, it } from 'vitest';
import { escapeMarkdownHtml } from '@/lib/notes/markdown-escape';

describe('escapeMarkdownHtml', () => {
  it('keeps only fences that every fence-aware tool reads as code', () => {
    // Column 0, closed by a fence at least as long: code, kept as written.
    expect(escapeMarkdownHtml('~~~\n<b>x</b>\n~~~~\n<b>y</b>')).toBe('~~~\n<b>x</b>\n~~~~\n&lt;b>y&lt;/b>');
    // A backtick "fence" whose info has a backtick is text in CommonMark: escaped.
    expect(escapeMarkdownHtml('```a`b\n<script>x</script>')).toBe('```a`b\n&lt;script>x&lt;/script>');
    // Inside a list item or a quote a fence ends with its container: escaped, to be sure.
    expect(escapeMarkdownHtml('- a\n  ```\n<script>x</script>')).toBe('- a\n  ```\n&lt;script>x&lt;/script>');
    expect(escapeMarkdownHtml('> ```\n> <b>')).toBe('> ```\n> &lt;b>');
  });

  it('escapes code spans too, whose pairing depends on the paragraph around them', () => {
    expect(escapeMarkdownHtml('`a\nx `<script>` y')).toBe('`a\nx `&lt;script>` y');
  });

  it('keeps safe links and definitions, unlinks the rest', () => {
    expect(escapeMarkdownHtml('[a](https://e.com) [m](mailto:a@b.org) [r]: https://e.com/x')).toBe('[a](https://e.com) [m](mailto:a@b.org) [r]: https://e.com/x');
    expect(escapeMarkdownHtml('[r]: https://e.com/x')).toBe('[r]: https://e.com/x');
    expect(escapeMarkdownHtml('  [r]: javascript:alert(1)')).toBe('  \\[r]: javascript:alert(1)');
    expect(escapeMarkdownHtml('[x]( JAVASCRIPT:alert(1)) ![i](data:image/svg+xml,<svg onload=alert(1)>)')).toBe(
      '[x]\\( JAVASCRIPT:alert(1)) ![i]\\(data:image/svg+xml,&lt;svg onload=alert(1)>)',
    );
  });
});
