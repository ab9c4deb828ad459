import { escapeMarkdownHtml } from './markdown-escape';
import { MAX_TIME, type Note } from './schema';
import { ANNO_CONTEXT, ANNOTATION_CONTEXT, EXTRAS_KEY, type Extras } from './web-annotation';

/**
 * Export of the reader's notes: as a W3C Web Annotation JSON-LD AnnotationCollection (for other
 * tools and for import into another profile) and as Markdown (for reading and pasting).
 */

/** A TextualBody: the note's Markdown (commenting) or one tag (tagging). */
export type TextualBody = { type: 'TextualBody'; value: string; format?: 'text/markdown'; purpose: 'commenting' | 'tagging' };

/** One exported note as a W3C Web Annotation. */
export type WebAnnotation = {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'Annotation';
  created: string;
  modified: string;
  body?: TextualBody[];
  target: { source: string; selector: Record<string, unknown>[] };
  [EXTRAS_KEY]: Extras;
};

/** The whole export: one collection with a single embedded page of annotations. */
export type AnnotationCollection = {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generated: string;
  first?: { id: string; type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
};

/** Options shared by both exports; `now` and `newId` are injectable for tests. */
export type ExportOptions = { includeDeleted?: boolean; now?: () => number; newId?: () => string };

/**
 * A time as an ISO string. A note stored before dates were bounded may hold one no ISO string can
 * write (`toISOString` throws): it is written as the nearest date that can be, so one such note
 * never stops the reader exporting all the others.
 */
const iso = (ms: number) => new Date(Number.isFinite(ms) ? Math.min(Math.max(ms, 0), MAX_TIME) : 0).toISOString();
const exported = (notes: Note[], o: ExportOptions) => notes.filter((n) => o.includeDeleted || !n.deleted);

/** Drops empty-string prefix/suffix, which carry nothing. */
function quoteSelector({ type, exact, prefix, suffix }: Note['target']['quote']) {
  return { type, exact, ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) };
}

/** Converts one note to a W3C Web Annotation; our extra fields go under `crosscheck`. */
export function toWebAnnotation(note: Note): WebAnnotation {
  const body: TextualBody[] = [];
  if (note.body.text) {
    body.push({ type: 'TextualBody', value: note.body.text, format: 'text/markdown', purpose: 'commenting' });
  }
  for (const tag of note.body.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  const { quote, position } = note.target;
  return {
    '@context': ANNOTATION_CONTEXT,
    id: `urn:uuid:${note.id}`,
    type: 'Annotation',
    created: iso(note.created),
    modified: iso(note.modified),
    ...(body.length > 0 ? { body } : {}),
    target: { source: note.target.source, selector: position ? [quoteSelector(quote), position] : [quoteSelector(quote)] },
    [EXTRAS_KEY]: {
      color: note.body.color,
      url: note.target.url,
      title: note.target.title,
      deviceId: note.deviceId,
      ...(note.claimId ? { claimId: note.claimId } : {}),
      ...(note.deleted ? { deleted: true } : {}),
      ...(note.conflicts.length > 0 ? { conflicts: note.conflicts } : {}),
    },
  };
}

/** Exports notes (tombstones only on request) as an AnnotationCollection, oldest first. */
export function exportJson(notes: Note[], o: ExportOptions = {}): AnnotationCollection {
  const newId = o.newId ?? (() => crypto.randomUUID());
  const items = exported(notes, o)
    .sort((a, b) => a.created - b.created)
    .map(toWebAnnotation);
  const id = `urn:uuid:${newId()}`;
  return {
    '@context': ANNO_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: 'Crosscheck notes',
    total: items.length,
    generated: iso((o.now ?? Date.now)()),
    // The model requires `first` only when there are annotations (an empty page is not allowed).
    ...(items.length > 0 ? { first: { id: `${id}#page1`, type: 'AnnotationPage' as const, startIndex: 0 as const, items } } : {}),
  };
}

/** Escapes text for a Markdown link label (`<` as an entity: not every tool knows `\<`). */
const label = (s: string) => s.replace(/[\\[\]*_`>]/g, '\\$&').replace(/</g, '&lt;');
/** Makes a URL safe inside a Markdown link destination. */
const dest = (url: string) => url.replace(/[()\s<>]/g, encodeURIComponent);

/** One note as Markdown: the quote as a block quote, then the note, tags and colour. */
function noteMarkdown(note: Note): string {
  const quote = escapeMarkdownHtml(note.target.quote.exact).split('\n').map((l) => `> ${l}`).join('\n');
  const meta = [
    note.body.tags.length > 0 ? `Tags: ${note.body.tags.map((t) => `\`${t.replace(/`/g, "'")}\``).join(', ')}` : '',
    `Colour: ${note.body.color}`,
    `Modified: ${iso(note.modified).slice(0, 10)}`,
    note.deleted ? 'Deleted' : '',
  ].filter(Boolean);
  return [quote, escapeMarkdownHtml(note.body.text.trim()), `*${meta.join(' · ')}*`].filter(Boolean).join('\n\n');
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Exports notes as Markdown, grouped by page (most recently edited page first), each page headed by
 * a link to it and its notes in reading order, each with its quote. Note text is written as the
 * reader wrote it (it already is Markdown), except that raw HTML and unsafe links are made
 * harmless for whatever tool the file is pasted into (see markdown-escape).
 */
export function exportMarkdown(notes: Note[], o: ExportOptions = {}): string {
  const pages = new Map<string, Note[]>();
  for (const n of exported(notes, o)) pages.set(n.target.source, [...(pages.get(n.target.source) ?? []), n]);
  const latest = (ns: Note[]) => Math.max(...ns.map((n) => n.modified));
  const at = (n: Note) => n.target.position?.start ?? Number.MAX_SAFE_INTEGER;
  const sections = [...pages.entries()]
    .sort(([, a], [, b]) => latest(b) - latest(a))
    .map(([source, ns]) => {
      const title = ns.find((n) => n.target.title)?.target.title || source;
      const body = ns.sort((a, b) => at(a) - at(b) || a.created - b.created).map(noteMarkdown);
      return `## [${label(title)}](${dest(source)})\n\n${body.join('\n\n---\n\n')}`;
    });
  const summary = sections.length === 0 ? 'No notes.' : `${count([...pages.values()].flat().length, 'note')} on ${count(pages.size, 'page')}.`;
  return [`# Crosscheck notes`, `Exported ${iso((o.now ?? Date.now)())}. ${summary}`, ...sections].join('\n\n') + '\n';
}
