/**
 * The page's visible text, block by block, with a map back to the DOM so that offsets into it
 * (from the claim matcher or a note's selectors) become Ranges. The same rules serve the content
 * script and the command line (`claims match FILE.html`, on linkedom), so both read the same text:
 * white space collapsed as CSS does it, `<br>` a line break, block elements separate blocks (the
 * rules are in read-rules.ts). Nothing here changes the page.
 */
import { kindOf, modeOf, whiteSpaceAt, type ReadOptions } from './read-rules';
import { TextBuilder, type PageText, type Segment, type WhiteSpace } from './text-builder';

export type { PageText, Segment, WhiteSpace } from './text-builder';
export { elementKind, whiteSpaceAt, whiteSpaceOf, type ElementKind, type ReadOptions } from './read-rules';

/** Separates blocks, so that a heading and the paragraph after it never read as one sentence. */
export const BLOCK_SEPARATOR = '\n\n';

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
    if (this.builder.isEmpty) return; // nothing written, nothing owed: it serves the next block
    this.items.push(this.builder.finish());
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
