import type { EntityTable, IDType } from 'dexie';
import { z } from 'zod';
import { fromRow, type Indexed } from './reader-db';

/**
 * What the reader's store shares across its tables: errors that say what was wrong, and one way to
 * read and to edit a row (parsed again at every write, a fresh `modified`, in one transaction).
 */

/** Thrown when a caller (the page, an editor, an import) hands the store malformed data. */
export class ClaimInputError extends Error {
  override name = 'ClaimInputError';
}

/** Thrown when an operation names an item that does not exist. */
export class ClaimNotFoundError extends Error {
  override name = 'ClaimNotFoundError';
  constructor(
    readonly what: string,
    readonly id: string,
  ) {
    super(`No ${what} with id ${id}`);
  }
}

/** Parses untrusted input; on failure throws a ClaimInputError naming what it was and every problem by field. */
export function parseClaimInput<S extends z.ZodType>(schema: S, data: unknown, what: string): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) throw new ClaimInputError(`Invalid ${what}: ${z.prettifyError(result.error)}`);
  return result.data;
}

/** Where "now" comes from; injected so that tests (and later sync) control it. */
export type ReaderContext = { now: () => number };

/** A row's table, schema and row builder, so that one edit function serves them all. */
export interface RowKind<T extends { id: string }> {
  what: string;
  table: EntityTable<Indexed<T>, 'id'>;
  schema: z.ZodType<T, unknown>;
  toRow: (item: T) => Indexed<T>;
}

/** Reads one item, tombstones included; throws ClaimNotFoundError when there is none. */
export async function getItem<T extends { id: string }>(kind: RowKind<T>, id: string): Promise<T> {
  const row = await kind.table.get(id as IDType<Indexed<T>, 'id'>);
  if (!row) throw new ClaimNotFoundError(kind.what, id);
  return fromRow(row);
}

/**
 * Applies `change` to an item in one read-write transaction, parses the result and stores it with
 * a `modified` later than the last, even within one millisecond, so the newer edit always wins.
 */
export async function editItem<T extends { id: string; modified: number }>(
  kind: RowKind<T>,
  id: string,
  ctx: ReaderContext,
  change: (item: T) => Partial<T>,
): Promise<T> {
  return kind.table.db.transaction('rw', kind.table, async () => {
    const item = await getItem(kind, id);
    const edited = { ...item, ...change(item), modified: Math.max(ctx.now(), item.modified + 1) };
    const next = parseClaimInput(kind.schema, edited, kind.what);
    await kind.table.put(kind.toRow(next));
    return next;
  });
}
