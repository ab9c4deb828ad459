import { anchorAll } from '../anchoring';
import { paint, rangesAt } from '../dom/highlighter';
import { BlockReader } from '../dom/block-reader';
import { joinBlocks, type PageText, type ReadOptions } from '../dom/page-text';
import { rangeFor } from '../dom/text-ranges';
import { NOTE_COLORS } from '../notes/limits';
import type { NoteMark } from '../notes/note-content-routes';

/** A note found on the page and the live range it is painted on. */
export type PaintedNote = { mark: NoteMark; range: Range };

/** The marks of this page's notes, as the background answers them. */
export type PageMarks = { tabId: number; source: string; marks: NoteMark[] };

/** What the notes layer needs from the rest of the extension. */
export type NotesLayerDeps = {
  /** Fetches the marks (ids, selectors, colours) of this page's notes from the background. */
  fetch(): Promise<PageMarks>;
  root: () => Element;
  read?: ReadOptions;
  /**
   * True when the page's mutations are handed to `invalidate`: each read then reads again only what
   * changed. Otherwise every read reads the whole page.
   */
  incremental?: boolean;
};

/** The highlight name for a note colour (styles in entrypoints/content/highlights.css). */
export const noteHighlight = (color: string) => `crosscheck-note-${color}`;

/**
 * Paints the reader's notes on the page: fetches the page's marks, finds each one's text again
 * (`anchor`: by position, then quote with context, then fuzzy) and paints it in its colour.
 * Notes whose text is gone are remembered as not found (the popup lists them); none is ever
 * dropped. Anchoring is cached per page text, so a repaint after an unrelated DOM change that
 * leaves the text alone only rebuilds ranges. Overlapping runs are coalesced into one more run.
 */
export class NotesLayer {
  private marks: NoteMark[] = [];
  private painted: PaintedNote[] = [];
  private missing: string[] = [];
  private cache = new Map<string, { start: number; end: number } | null>();
  private cachedText = '';
  private info: { tabId: number; source: string } | null = null;
  private running: Promise<void> | null = null;
  private again: 'fetch' | 'anchor' | null = null;
  private readonly reader: BlockReader;

  constructor(private readonly deps: NotesLayerDeps) {
    this.reader = new BlockReader(deps.root, deps.read);
  }

  /** What changed in the page since the last read (with `incremental`). */
  invalidate(records: Iterable<MutationRecord>): void {
    this.reader.invalidate(records);
  }

  /** The tab and canonical URL the background answered with (null before the first fetch). */
  get page(): { tabId: number; source: string } | null {
    return this.info;
  }

  /** The notes painted by the last run, in page order. */
  get notes(): readonly PaintedNote[] {
    return this.painted;
  }

  /** Ids of the notes whose text was not found on the page. */
  get notFound(): readonly string[] {
    return this.missing;
  }

  /** Fetches the marks again (notes changed) and repaints; resolves when painted. */
  refresh(): Promise<void> {
    return this.schedule('fetch');
  }

  /** Repaints the known marks on the page's current text (the page changed). */
  reanchor(): Promise<void> {
    return this.schedule('anchor');
  }

  private schedule(kind: 'fetch' | 'anchor'): Promise<void> {
    if (this.running) {
      if (this.again !== 'fetch') this.again = kind;
      return this.running;
    }
    this.running = this.run(kind).finally(() => {
      this.running = null;
      const next = this.again;
      this.again = null;
      if (next) void this.schedule(next);
    });
    return this.running;
  }

  private async run(kind: 'fetch' | 'anchor'): Promise<void> {
    if (kind === 'fetch' || !this.info) {
      const { tabId, source, marks } = await this.deps.fetch();
      this.info = { tabId, source };
      this.marks = marks;
    }
    // Most pages have no notes: then there is nothing to read or paint.
    if (this.marks.length === 0 && this.painted.length === 0) return;
    if (!this.deps.incremental) this.reader.reset();
    await this.paintOn(joinBlocks(await this.reader.read()));
  }

  /** Anchors every mark on `page` (in short tasks, so a large page stays responsive) and paints the ones found. */
  private async paintOn(page: PageText): Promise<void> {
    if (page.text !== this.cachedText) {
      this.cache.clear();
      this.cachedText = page.text;
    }
    const key = (mark: NoteMark) => JSON.stringify([mark.quote, mark.position]);
    const todo = this.marks.filter((mark) => !this.cache.has(key(mark)));
    const found = await anchorAll(page.text, todo);
    todo.forEach((mark, i) => this.cache.set(key(mark), found[i]!));
    const painted: PaintedNote[] = [];
    const missing: string[] = [];
    for (const mark of this.marks) {
      const at = this.cache.get(key(mark));
      const range = at ? rangeFor(page, at.start, at.end) : null;
      if (range) painted.push({ mark, range });
      else missing.push(mark.id);
    }
    const start = (p: PaintedNote) => this.cache.get(key(p.mark))?.start ?? 0;
    this.painted = painted.sort((a, b) => start(a) - start(b));
    this.missing = missing;
    this.repaint();
  }

  /** Paints each colour's notes under its own highlight name. */
  private repaint(): void {
    for (const color of NOTE_COLORS) {
      paint(noteHighlight(color), this.painted.filter((p) => p.mark.color === color).map((p) => p.range));
    }
  }

  /** The notes painted under a point of the viewport (a click on a highlight). */
  at(x: number, y: number): PaintedNote[] {
    return rangesAt(this.painted, x, y);
  }

  /** The painted note with this id, if it was found on the page. */
  find(id: string): PaintedNote | undefined {
    return this.painted.find((p) => p.mark.id === id);
  }

  /** Removes every note highlight (Crosscheck turned off here, or the script is unloaded). */
  clear(): void {
    this.marks = [];
    this.painted = [];
    this.missing = [];
    this.repaint();
  }
}
