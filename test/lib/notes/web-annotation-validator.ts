import { readFileSync, readdirSync } from 'node:fs';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

/**
 * The W3C web-annotation-tests "MUST" assertions (annotationMusts.test), compiled with ajv for
 * JSON Schema draft-04 against the project's copy of the definitions. Test helper, not a test.
 */
const root = new URL('../../fixtures/web-annotation-tests/', import.meta.url);
const json = (rel: string) => JSON.parse(readFileSync(new URL(rel, root), 'utf8')) as Record<string, unknown>;

export type Failure = { assertion: string; message: string };

/** Compiles every assertion listed in annotationMusts.test; returns a checker giving all failures. */
export function mustAssertions(): { count: number; check: (annotation: unknown) => Failure[] } {
  // The assertion files carry test-harness keywords (assertionType, errorMessage…): not strict.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const file of readdirSync(new URL('definitions/', root)).filter((f) => f.endsWith('.json'))) ajv.addSchema(json(`definitions/${file}`));
  const list = json('annotations/annotationMusts.test').assertions as string[];
  const compiled = list.map((path) => {
    const schema = json(path);
    return { path, message: String(schema.errorMessage), validate: ajv.compile(schema) };
  });
  return {
    count: compiled.length,
    check: (annotation) =>
      compiled.filter((c) => !c.validate(annotation)).map((c) => ({ assertion: c.path, message: c.message })),
  };
}
