/**
 * In a page's main world (pass it to `page.evaluate`): the text under each range of a CSS highlight.
 * The highlight registry belongs to the document, so the page sees what the content script painted.
 * Self-contained, since it runs in the page.
 */
export function highlightTexts(name: string): string[] {
  const highlight = CSS.highlights.get(name) as Set<AbstractRange> | undefined;
  return highlight ? [...highlight].map((r) => (r instanceof Range ? r.toString() : '')) : [];
}
