/**
 * The CSS Custom Highlight API for unit tests: happy-dom has none. `CSS.highlights` becomes a Map
 * of name → Set of ranges, as in a browser, so tests can read what was painted. Returns a function
 * that removes it again.
 */
export function installFakeHighlights(): () => void {
  const g = globalThis as unknown as { Highlight?: unknown };
  const before = { css: Object.getOwnPropertyDescriptor(globalThis, 'CSS'), Highlight: g.Highlight };
  class FakeHighlight extends Set<AbstractRange> {
    priority = 0;
    constructor(...ranges: AbstractRange[]) {
      super(ranges);
    }
  }
  Object.defineProperty(globalThis, 'CSS', { value: { highlights: new Map<string, FakeHighlight>() }, configurable: true, writable: true });
  g.Highlight = FakeHighlight;
  return () => {
    if (before.css) Object.defineProperty(globalThis, 'CSS', before.css);
    else delete (globalThis as { CSS?: unknown }).CSS;
    g.Highlight = before.Highlight;
  };
}

/** The text under each range painted under `name` (after installFakeHighlights). */
export function paintedTexts(name: string): string[] {
  const highlight = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(name);
  return highlight ? [...highlight].map((r) => r.toString()) : [];
}
