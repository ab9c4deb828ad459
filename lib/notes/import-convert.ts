import { z } from 'zod';
import { canonicalUrl } from '../dom/canonical-url';
import { NoteSchema, TextPositionSelectorSchema, TextQuoteSelectorSchema, type Note } from './schema';
import { AnnotationInSchema, EXTRAS_KEY, type AnnotationIn, type SelectorIn } from './web-annotation';

/** Converts one W3C Web Annotation (ours or another tool's) into a note. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The note id for an annotation id: our `urn:uuid:…` gives the uuid back; any other id gets a
 * name-based UUID (v5 in the URL namespace) so that importing the same file twice merges, never
 * duplicates.
 */
export async function noteIdFor(annotationId: string): Promise<string> {
  const bare = annotationId.replace(/^urn:uuid:/i, '');
  if (UUID.test(bare)) return bare.toLowerCase();
  const ns = '6ba7b8119dad11d180b400c04fd430c8'.match(/../g)!.map((h) => parseInt(h, 16));
  const data = new Uint8Array([...ns, ...new TextEncoder().encode(annotationId)]);
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-1', data)).slice(0, 16);
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = [...hash].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const list = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);
const isType = (s: SelectorIn, name: string) => list(s.type as string | string[]).includes(name);

/** All selectors, refinements included (TextQuoteSelector may refine a FragmentSelector). */
function flatten(selectors: SelectorIn[]): SelectorIn[] {
  return selectors.flatMap((s) => [s, ...flatten(list(s.refinedBy))]);
}

/** The first target with a TextQuoteSelector, with its source and selectors. */
function quotedTarget(a: AnnotationIn) {
  for (const t of list(a.target)) {
    if (typeof t !== 'object' || typeof t.source !== 'string') continue;
    const selectors = flatten(list(t.selector as SelectorIn | SelectorIn[] | undefined));
    const quote = selectors.find((s) => isType(s, 'TextQuoteSelector'));
    if (quote) return { source: t.source as string, quote, position: selectors.find((s) => isType(s, 'TextPositionSelector')) };
  }
  throw new Error('no target has a TextQuoteSelector (only text quotes can be found again on a page)');
}

/** Prefix and suffix are context only: keep the 64 characters nearest the quote. */
function parseQuote(raw: SelectorIn) {
  const parsed = TextQuoteSelectorSchema.safeParse({ ...raw, type: 'TextQuoteSelector', prefix: undefined, suffix: undefined });
  if (!parsed.success) throw new Error(`TextQuoteSelector: ${z.prettifyError(parsed.error).replace(/\n/g, ' ')}`);
  const q = parsed.data;
  const prefix = typeof raw.prefix === 'string' ? raw.prefix.slice(-64) : '';
  const suffix = typeof raw.suffix === 'string' ? raw.suffix.slice(0, 64) : '';
  return { ...q, prefix, suffix };
}

/** Reads text and tags from the bodies: tagging bodies are tags, other text is the note. */
function readBodies(a: AnnotationIn): { text: string; tags: string[] } {
  const texts: string[] = a.bodyValue ? [a.bodyValue] : [];
  const tags: string[] = [];
  for (const b of list(a.body)) {
    if (typeof b === 'string') texts.push(b); // an external body: keep its IRI visible
    else if (list(b.purpose).includes('tagging') && b.value !== undefined) tags.push(b.value);
    else if (b.value !== undefined) texts.push(b.value);
    else if (b.id !== undefined) texts.push(b.id);
  }
  return { text: texts.join('\n\n'), tags };
}

/** The device of an annotation from another tool (ours carry the device that made them). */
export const IMPORTED_DEVICE = 'imported';

/**
 * Converts one item of an import file into a note, or throws an Error saying what is wrong with it.
 * An annotation without dates is dated 0, older than any edit, and another tool's annotation is
 * marked as from IMPORTED_DEVICE: never "now" and this device, which made every re-import of the
 * file newer than the reader's own edit of it. So the same file always gives the same note.
 */
export async function annotationToNote(item: unknown): Promise<Note> {
  const parsed = AnnotationInSchema.safeParse(item);
  if (!parsed.success) throw new Error(z.prettifyError(parsed.error).replace(/\n/g, ' '));
  const a = parsed.data;
  const extras = a[EXTRAS_KEY] ?? {};
  const target = quotedTarget(a);
  const position = TextPositionSelectorSchema.safeParse(target.position);
  const created = a.created ? Date.parse(a.created) : (a.modified ? Date.parse(a.modified) : 0);
  const result = NoteSchema.safeParse({
    id: await noteIdFor(a.id ?? JSON.stringify(item)),
    target: {
      // Notes are on web pages: another IRI (urn:, file:, javascript:) is refused, named.
      source: canonicalUrl(target.source),
      url: extras.url ?? target.source,
      title: extras.title ?? '',
      quote: parseQuote(target.quote),
      ...(position.success ? { position: position.data } : {}),
    },
    body: { ...readBodies(a), color: extras.color ?? 'yellow' },
    ...(extras.claimId ? { claimId: extras.claimId } : {}),
    created,
    modified: a.modified ? Date.parse(a.modified) : created,
    deviceId: extras.deviceId ?? IMPORTED_DEVICE,
    deleted: extras.deleted ?? false,
    conflicts: extras.conflicts ?? [],
  });
  if (!result.success) throw new Error(z.prettifyError(result.error).replace(/\n/g, ' '));
  return result.data;
}
