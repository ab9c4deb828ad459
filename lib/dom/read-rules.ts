/**
 * The rules of reading a page's markup as text, shared by the content script and the command line:
 * which elements are left out, which are blocks, and how each lays out white space. They read the
 * markup (tags, attributes, inline styles), never computed styles, so that reading costs about one
 * walk of the DOM.
 */
import type { WhiteSpace } from './text-builder';

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

/** elementKind, with the tag already read (the reading loop reads it once). */
export function kindOf(element: Element, tag: string, options: ReadOptions): ElementKind {
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

/** whiteSpaceOf, with the tag already read. */
export function modeOf(element: Element, tag: string, inherited: WhiteSpace): WhiteSpace {
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
