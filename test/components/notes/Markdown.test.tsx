// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Markdown } from '@/components/notes/Markdown';

afterEach(cleanup);

describe('Markdown', () => {
  it('renders headings (offset), emphasis, lists, quotes, code and links', () => {
    const { container } = render(
      <Markdown text={'# Title\n\nSome *em* and **strong** and `code`.\n\n- a\n- b\n\n> quoted\n\n```\nx < y\n```\n\n[src](https://e.com/a)'} />,
    );
    expect(container.querySelector('h3')?.textContent).toBe('Title');
    expect(container.querySelector('em')?.textContent).toBe('em');
    expect(container.querySelector('strong')?.textContent).toBe('strong');
    expect(container.querySelector('p code')?.textContent).toBe('code');
    expect([...container.querySelectorAll('ul > li')].map((li) => li.textContent)).toEqual(['a', 'b']);
    expect(container.querySelector('blockquote')?.textContent).toBe('quoted');
    expect(container.querySelector('pre code')?.textContent).toBe('x < y');
    const link = container.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://e.com/a');
    expect(link.getAttribute('rel')).toContain('noopener');
  });

  it('shows <script> and <img onerror> as text, never as elements', () => {
    const hostile = '<script>window.pwned = 1</script>\n\n<img src=x onerror="window.pwned = 2">';
    const { container } = render(<Markdown text={hostile} />);
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<script>window.pwned = 1</script>');
    expect(container.textContent).toContain('<img src=x onerror="window.pwned = 2">');
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });

  it('drops javascript: and data: links but keeps their words', () => {
    const { container } = render(
      <Markdown text={'[click me](javascript:alert(1)) [data](data:text/html,<b>x</b>) <javascript:alert(2)>'} />,
    );
    expect(container.querySelector('a')).toBeNull();
    expect(container.textContent).toContain('click me');
    expect(container.innerHTML).not.toMatch(/href/);
  });

  it('renders nothing but its wrapper for empty text', () => {
    const { container } = render(<Markdown text="" />);
    expect(container.querySelector('.cc-markdown')?.childNodes).toHaveLength(0);
  });
});
