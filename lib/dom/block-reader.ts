/**
 * Reads a page's blocks of text again after it changes, re-reading only what changed. Each block
 * element read (a paragraph, a list item, the article…) keeps what it read: its own blocks of
 * inline text and, in their place, the block elements inside it. A mutation marks the nearest block
 * element above it for a new read; a read walks the DOM of those elements only, and then lays the
 * kept blocks out in document order. Blocks that did not change are the same objects as before, so
 * that whatever was computed from them (keys, matches, ranges) can be kept. Reading yields to the
 * page every few milliseconds, so that a large page never makes a long task.
 */
import { ContainerReading, elementKind, whiteSpaceAt, type PageText, type ReadOptions, type WhiteSpace } from './page-text';
import { Slice } from './yield';

type Entry = {
  element: Element;
  mode: WhiteSpace;
  items: (PageText | Entry)[];
  dirty: boolean;
  /** A read in progress, over several slices (a container of very many nodes). */
  reading?: ContainerReading<Entry>;
};

/** Nodes read between looks at the clock. */
const STEP = 64;

export class BlockReader {
  private entries = new WeakMap<Element, Entry>();
  private root: Entry | null = null;
  private readonly dirty = new Set<Entry>();

  constructor(
    private readonly rootElement: () => Element | null,
    private readonly options: ReadOptions = {},
    private readonly sliceMs = 8,
  ) {}

  /** Marks what these mutations touched for a new read (cheap: call it from a MutationObserver). */
  invalidate(records: Iterable<MutationRecord>): void {
    for (const record of records) {
      // An attribute (hidden, open…) changes how its element reads, so its parent reads it again.
      if (record.type === 'attributes') this.mark(this.entries.get(record.target as Element));
      let node: Node | null = record.type === 'attributes' ? record.target.parentNode : record.target;
      for (; node; node = node.parentNode) {
        if (node.nodeType !== 1) continue;
        const entry = this.entries.get(node as Element);
        if (entry) {
          this.mark(entry);
          break;
        }
        if (elementKind(node as Element, this.options) === 'skip') break; // inside something never read
      }
    }
  }

  /** Forgets everything read: the next read reads the whole page. */
  reset(): void {
    this.entries = new WeakMap();
    this.root = null;
    this.dirty.clear();
  }

  /** The page's blocks in document order, reading again only what changed since the last read. */
  async read(): Promise<PageText[]> {
    const element = this.rootElement();
    if (!element) return [];
    if (this.root?.element !== element) {
      this.reset();
      this.root = this.entry(element, whiteSpaceAt(element));
      this.dirty.add(this.root);
    }
    const work = [...this.dirty];
    this.dirty.clear();
    const slice = new Slice(this.sliceMs);
    while (work.length > 0) {
      const entry = work.pop()!;
      if (!entry.reading) {
        if (!entry.dirty) continue;
        entry.dirty = false; // a change during the read marks it again, for the next read
      }
      if (!entry.element.isConnected) {
        entry.items = [];
        entry.reading = undefined;
        continue;
      }
      entry.reading ??= new ContainerReading<Entry>(entry.element, entry.mode, this.options, (child, mode) => {
        const known = this.entries.get(child);
        const found = known && known.mode === mode ? known : this.entry(child, mode);
        if (found.dirty) work.push(found);
        return found;
      });
      if (entry.reading.step(STEP)) {
        entry.items = entry.reading.items;
        entry.reading = undefined;
      } else {
        work.push(entry); // more to read: after a pause
      }
      await slice.pause();
    }
    return this.layOut();
  }

  private entry(element: Element, mode: WhiteSpace): Entry {
    const entry: Entry = { element, mode, items: [], dirty: true };
    this.entries.set(element, entry);
    return entry;
  }

  private mark(entry: Entry | undefined): void {
    if (!entry || entry.dirty) return;
    entry.dirty = true;
    this.dirty.add(entry);
  }

  /** The blocks of every entry reached from the root, depth first, without recursion. */
  private layOut(): PageText[] {
    const blocks: PageText[] = [];
    const stack: (PageText | Entry)[] = this.root ? [...this.root.items].reverse() : [];
    while (stack.length > 0) {
      const item = stack.pop()!;
      if ('text' in item) blocks.push(item);
      else for (let i = item.items.length - 1; i >= 0; i--) stack.push(item.items[i]!);
    }
    return blocks;
  }
}
