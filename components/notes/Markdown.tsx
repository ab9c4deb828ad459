import type { ComponentChildren } from 'preact';
import { isSafeHref, parseMarkdown, type Block, type Inline } from '../../lib/notes/markdown';
import { RenderBoundary } from './RenderBoundary';

export type MarkdownProps = {
  /** The note's Markdown text. */
  text: string;
  /** Added to heading levels so a note's `#` never outranks the page around it (default 2: `#` → h3). */
  headingOffset?: number;
  class?: string;
};

function inline(nodes: Inline[]): ComponentChildren {
  return nodes.map((n, i) => {
    switch (n.type) {
      case 'text':
        return n.text; // a string child: Preact sets it as text, never parses it as HTML
      case 'em':
        return <em key={i}>{inline(n.children)}</em>;
      case 'strong':
        return <strong key={i}>{inline(n.children)}</strong>;
      case 'code':
        return <code key={i}>{n.text}</code>;
      case 'break':
        return <br key={i} />;
      case 'link':
        // Checked again here (defence in depth): the tree might not come from our parser.
        return isSafeHref(n.href) ? (
          <a key={i} href={n.href} target="_blank" rel="noopener noreferrer nofollow">
            {inline(n.children)}
          </a>
        ) : (
          inline(n.children)
        );
    }
  });
}

function blocks(nodes: Block[], offset: number): ComponentChildren {
  return nodes.map((b, i) => {
    switch (b.type) {
      case 'paragraph':
        return <p key={i}>{inline(b.children)}</p>;
      case 'heading': {
        const Tag = `h${Math.min(6, b.level + offset)}` as 'h3';
        return <Tag key={i}>{inline(b.children)}</Tag>;
      }
      case 'code_block':
        return (
          <pre key={i}>
            <code>{b.text}</code>
          </pre>
        );
      case 'blockquote':
        return <blockquote key={i}>{blocks(b.children, offset)}</blockquote>;
      case 'rule':
        return <hr key={i} />;
      case 'list': {
        const items = b.items.map((item, j) => <li key={j}>{blocks(item, offset)}</li>);
        return b.ordered ? (
          <ol key={i} start={b.start}>
            {items}
          </ol>
        ) : (
          <ul key={i}>{items}</ul>
        );
      }
    }
  });
}

function MarkdownTree({ text, headingOffset, className }: { text: string; headingOffset: number; className: string }) {
  return <div class={className}>{blocks(parseMarkdown(text), headingOffset)}</div>;
}

/**
 * Renders a note's Markdown safely as Preact elements, from the tree of lib/notes/markdown: never
 * innerHTML, so HTML in a note shows as text, and only http(s)/mailto links are made. Should the
 * tree fail to render, the note's text is shown as it was written, as text.
 */
export function Markdown({ text, headingOffset = 2, class: className = 'cc-markdown' }: MarkdownProps) {
  return (
    <RenderBoundary fallback={<div class={`${className} cc-raw-text`}>{text}</div>}>
      <MarkdownTree text={text} headingOffset={headingOffset} className={className} />
    </RenderBoundary>
  );
}
