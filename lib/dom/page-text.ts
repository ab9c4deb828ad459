/**
 * The page's visible text, block by block, with a map back to the DOM so that offsets into it
 * (from the claim matcher or a note's selectors) become Ranges. The same rules serve the content
 * script and the command line (`claims match FILE.html`, on linkedom), so both read the same text:
 * white space collapsed as CSS does it, `<br>` a line break, block elements separate blocks. They
 * read the markup, not computed styles, so that reading costs about one walk of the DOM. Nothing
 * here changes the page.
 */
import { TextBuilder, type PageText, type Segment, type WhiteSpace } from './text-builder';

export type { PageText, Segment, WhiteSpace } from './text-builder';

/** Separates blocks, so that a heading and the paragraph after it never read as one sentence. */
export const BLOCK_SEPARATOR = '\n\n';

/** Options: subtrees to leave out (the extension's own UI, navigation…), by tag name or by a predicate. */
export type ReadOptions = { skipTags?: ReadonlySet<string>; skip?: (element: Element) => boolean };

/** Elements whose contents a reader never sees as text. */
const SKIPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'button',
  'svg', 'canvas', 'iframe', 'object', 'head', 'title', 'meta', 'link', 'math', 'video', 'audio',
]);

/** Elements laid out as blocks by default: each starts a new block of text. */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog',
  'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'listing', 'main', 'menu', 'nav', 'ol',
  'p', 'plaintext', 'pre', 'search', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'tr', 'ul', 'xmp',
]);

const PRE_TAGS = new Set(['pre', 'listing', 'xmp', 'plaintext']);

/** How an element reads: left out, a line break, a block of its own, or inline in its block. */
export type ElementKind = 'skip' | 'br' | 'block' | 'inline';

/** The declarations of an inline `style` attribute that change what is read (no stylesheet is read). */
function inlineStyle(element: Element): { display?: string; visibility?: string; whiteSpace?: string } {
  const style = element.getAttribute('style');
  if (!style) return {};
  const out: { display?: string; visibility?: string; whiteSpace?: string } = {};
  for (const m of style.toLowerCase().matchAll(/(display|visibility|white-space)\s*:\s*([a-z-]+)/g)) {
    if (m[1] === 'display') out.display = m[2];
    else if (m[1] === 'visibility') out.visibility = m[2];
    else out.whiteSpace = m[2];
  }
  return out;
}

/** Which kind of element this is for reading (see ElementKind). */
export function elementKind(element: Element, options: ReadOptions = {}): ElementKind {
  return kindOf(element, element.localName, options);
}

function kindOf(element: Element, tag: string, options: ReadOptions): ElementKind {
  if (SKIPPED_TAGS.has(tag) || options.skipTags?.has(tag) || options.skip?.(element)) return 'skip';
  if (element.hasAttributes()) {
    if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return 'skip';
    const { display, visibility } = inlineStyle(element);
    if (display === 'none' || visibility === 'hidden' || visibility === 'collapse') return 'skip';
    if (display && display !== 'contents') return /^inline($|-)/.test(display) ? 'inline' : 'block';
  }
  if (tag === 'br') return 'br';
  return BLOCK_TAGS.has(tag) ? 'block' : 'inline';
}

/** How `element` lays out white space, given its parent's. */
export function whiteSpaceOf(element: Element, inherited: WhiteSpace): WhiteSpace {
  return modeOf(element, element.localName, inherited);
}

function modeOf(element: Element, tag: string, inherited: WhiteSpace): WhiteSpace {
  if (PRE_TAGS.has(tag)) return 'pre';
  if (!element.hasAttribute('style')) return inherited;
  const ws = inlineStyle(element).whiteSpace;
  if (ws === 'pre' || ws === 'pre-wrap' || ws === 'break-spaces') return 'pre';
  if (ws === 'pre-line') return 'pre-line';
  if (ws === 'normal' || ws === 'nowrap') return 'normal';
  return inherited;
}

/** The white-space mode in force inside `element`, from its ancestors' markup. */
export function whiteSpaceAt(element: Element): WhiteSpace {
  const chain: Element[] = [];
  for (let el: Element | null = element; el; el = el.parentElement) chain.push(el);
  return chain.reduceRight<WhiteSpace>((mode, el) => whiteSpaceOf(el, mode), 'normal');
}

/**
 * Reads one block container's own text: its inline content becomes blocks, and each block element
 * inside it is handed to `child`, whose result takes its place in `items`. Iterative, so that a
 * page nesting thousands of elements cannot overflow the stack, and resumable (`step`), so that a
 * container of many thousands of nodes is read in slices. A closed `<details>` shows its summary.
 */
export class ContainerReading<T> {
  readonly items: (PageText | T)[] = [];
  private builder = new TextBuilder();
  private readonly modes: WhiteSpace[] = [];
  private current: WhiteSpace;
  private node: Node | null;
  private readonly closed: boolean;

  constructor(
    private readonly container: Element,
    private readonly mode: WhiteSpace,
    private readonly options: ReadOptions,
    private readonly child: (element: Element, mode: WhiteSpace) => T,
  ) {
    this.current = mode;
    this.node = container.firstChild;
    this.closed = container.localName === 'details' && !container.hasAttribute('open');
  }

  /** Reads on: true when the container is read, false after `steps` nodes (call again to go on). */
  step(steps = Infinity): boolean {
    const { container, options } = this;
    let node = this.node;
    for (let done = 0; node; done++) {
      if (done >= steps) {
        this.node = node;
        return false;
      }
      let enter = false;
      const type = node.nodeType;
      if (this.closed && node.parentNode === container && (node as Element).localName !== 'summary') {
        // Hidden until the reader opens it.
      } else if (type === 3) {
        this.builder.text(node as Text, this.current);
      } else if (type === 1) {
        const el = node as Element;
        const tag = el.localName;
        const kind = kindOf(el, tag, options);
        if (kind === 'br') this.builder.lineBreak();
        else if (kind === 'block') {
          this.flush();
          this.items.push(this.child(el, modeOf(el, tag, this.current)));
        } else if (kind === 'inline' && el.firstChild) {
          enter = true;
          this.modes.push(this.current);
          this.current = modeOf(el, tag, this.current);
        }
      }
      if (enter) {
        node = node.firstChild;
        continue;
      }
      let next: Node | null = node.nextSibling;
      while (!next) {
        node = node!.parentNode;
        if (!node || node === container) break;
        this.current = this.modes.pop() ?? this.mode;
        next = node.nextSibling;
      }
      node = next;
    }
    this.node = null;
    this.flush();
    return true;
  }

  private flush(): void {
    if (!this.builder.isEmpty) this.items.push(this.builder.finish());
    this.builder = new TextBuilder();
  }
}

/** Reads one block container's own text at once (see ContainerReading). */
export function readContainer<T>(
  container: Element,
  mode: WhiteSpace,
  options: ReadOptions,
  child: (element: Element, mode: WhiteSpace) => T,
): (PageText | T)[] {
  const reading = new ContainerReading(container, mode, options, child);
  reading.step();
  return reading.items;
}

/** Reads the visible text under `root` as blocks, in document order. */
export function readBlocks(root: Element, options: ReadOptions = {}): PageText[] {
  type Pending = { element: Element; mode: WhiteSpace };
  const expand = (element: Element, mode: WhiteSpace) =>
    readContainer<Pending>(element, mode, options, (el, m) => ({ element: el, mode: m })).reverse();
  // Depth first without recursion: a container's items are expanded in place.
  const blocks: PageText[] = [];
  const stack = expand(root, whiteSpaceAt(root));
  while (stack.length > 0) {
    const item = stack.pop()!;
    if ('text' in item) blocks.push(item);
    else stack.push(...expand(item.element, item.mode));
  }
  return blocks;
}

/** Joins blocks into one text, separated by BLOCK_SEPARATOR, with segments at their new offsets. */
export function joinBlocks(blocks: readonly PageText[]): PageText {
  const parts: string[] = [];
  const segments: Segment[] = [];
  let at = 0;
  for (const block of blocks) {
    if (parts.length > 0) {
      parts.push(BLOCK_SEPARATOR);
      at += BLOCK_SEPARATOR.length;
    }
    parts.push(block.text);
    for (const s of block.segments) segments.push({ ...s, start: at + s.start });
    at += block.text.length;
  }
  return { text: parts.join(''), segments };
}

/** Reads the visible text under `root` (usually `document.body`) as one string. */
export function readPageText(root: Element, options: ReadOptions = {}): PageText {
  return joinBlocks(readBlocks(root, options));
}
