import { z } from 'zod';
import { NoteColorSchema, NoteVersionSchema } from './schema';

/**
 * The W3C Web Annotation shapes used by export and import. Export writes the strict shapes
 * (`Annotation` et al.); import reads anything a conforming tool may write (`AnnotationInSchema`).
 * https://www.w3.org/TR/annotation-model/
 */

/** The W3C Web Annotation JSON-LD context. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** Property holding our extras, declared in each annotation's context as a JSON literal. */
export const EXTRAS_KEY = 'crosscheck';

/** Context for an exported annotation: the W3C one, plus our extras term (opaque JSON to others). */
export const ANNOTATION_CONTEXT = [ANNO_CONTEXT, { [EXTRAS_KEY]: { '@id': 'urn:crosscheck:note', '@type': '@json' } }];

/** What the W3C model has no place for, kept so that our own exports round-trip losslessly. */
export const ExtrasSchema = z.object({
  color: NoteColorSchema.optional(),
  /** The URL as the reader saw it (target.source holds the canonical one). */
  url: z.string().optional(),
  title: z.string().optional(),
  deviceId: z.string().min(1).optional(),
  claimId: z.string().optional(),
  deleted: z.boolean().optional(),
  conflicts: z.array(NoteVersionSchema).optional(),
});
export type Extras = z.infer<typeof ExtrasSchema>;

const oneOrMany = <T extends z.ZodType>(s: T) => z.union([s, z.array(s)]);
const typeIs = (name: string) =>
  z.union([z.literal(name), z.array(z.string()).refine((t) => t.includes(name), `type must include ${name}`)]);

/** A selector of any kind; TextQuoteSelectors may hide inside `refinedBy`. */
export type SelectorIn = { type?: unknown; refinedBy?: SelectorIn | SelectorIn[]; [key: string]: unknown };
/** Parses a selector of any kind, refinements included. */
export const SelectorInSchema: z.ZodType<SelectorIn> = z.lazy(() =>
  z.looseObject({ type: z.unknown().optional(), refinedBy: oneOrMany(SelectorInSchema).optional() }),
);

/** A target that is a Specific Resource (source + selectors); plain IRIs are allowed but unusable. */
export const TargetInSchema = z.union([
  z.string(),
  z.looseObject({ source: z.string(), selector: oneOrMany(SelectorInSchema).optional() }),
  z.looseObject({ id: z.string() }),
]);

/** A body: an IRI, a TextualBody (value), or any other resource (kept as its id). */
export const BodyInSchema = z.union([
  z.string(),
  z.looseObject({
    value: z.string().optional(),
    id: z.string().optional(),
    purpose: oneOrMany(z.string()).optional(),
  }),
]);

/** One annotation as a conforming tool may write it (lenient in what it accepts). */
export const AnnotationInSchema = z.looseObject({
  id: z.string().min(1).optional(),
  type: typeIs('Annotation'),
  body: oneOrMany(BodyInSchema).optional(),
  bodyValue: z.string().optional(),
  target: oneOrMany(TargetInSchema),
  created: z.iso.datetime({ offset: true }).optional(),
  modified: z.iso.datetime({ offset: true }).optional(),
  [EXTRAS_KEY]: ExtrasSchema.optional(),
});
export type AnnotationIn = z.infer<typeof AnnotationInSchema>;

/** A file to import: one annotation, an array, an AnnotationPage, or an AnnotationCollection. */
export const ImportFileSchema = z.union([
  z.array(z.unknown()),
  z.looseObject({ type: typeIs('AnnotationCollection'), first: z.looseObject({ items: z.array(z.unknown()) }).optional(), items: z.array(z.unknown()).optional() }),
  z.looseObject({ type: typeIs('AnnotationPage'), items: z.array(z.unknown()) }),
  z.looseObject({ type: typeIs('Annotation') }),
]);
