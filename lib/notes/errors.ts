import { z } from 'zod';

/** Thrown when a caller (editor, message, import) hands the notes code malformed data. */
export class NoteInputError extends Error {
  override name = 'NoteInputError';
}

/** Thrown when an operation names a note that does not exist. */
export class NoteNotFoundError extends Error {
  override name = 'NoteNotFoundError';
  constructor(readonly id: string) {
    super(`No note with id ${id}`);
  }
}

/**
 * Parses untrusted input with a zod schema; on failure throws a NoteInputError whose message names
 * what was being parsed and every problem with its path, e.g. `Invalid note: ✖ … → at body.color`.
 */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown, what: string): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) throw new NoteInputError(`Invalid ${what}: ${z.prettifyError(result.error)}`);
  return result.data;
}
