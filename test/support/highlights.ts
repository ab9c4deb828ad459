/**
 * In a page's main world (pass it to `page.evaluate`): the text under each range of a CSS highlight.
 * The highlight registry belongs to the document, so the page sees what the content script painted.
 * Self-contained, since it runs in the page.
 */
export function highlightTexts(name: string): string[] {
  const highlight = CSS.highlights.get(name) as Set<AbstractRange> | undefined;
  return highlight ? [...highlight].map((r) => (r instanceof Range ? r.toString() : '')) : [];
}

/**
 * In a page's main world: the viewport coordinates of the middle of the first range painted under
 * one of `names` whose text contains `text`, scrolled into view first; undefined when there is none.
 */
export function highlightPoint({ text, names }: { text: string; names: string[] }): { x: number; y: number } | undefined {
  for (const name of names) {
    for (const r of CSS.highlights.get(name) ?? []) {
      const range = r as Range;
      if (!range.toString().includes(text)) continue;
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const box = range.getClientRects()[0]!;
      return { x: box.left + Math.min(20, box.width / 2), y: box.top + box.height / 2 };
    }
  }
  return undefined;
}
