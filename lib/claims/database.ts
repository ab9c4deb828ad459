import { describePath } from './entry-path';
import { checkIntegrity, type IntegrityOptions } from './integrity';
import { ClaimDatabaseSchema, type ClaimDatabase } from './schema';

/**
 * Loads and validates the claim database. Framework-free and free of node modules, because the
 * extension bundles the database JSON and validates it with this same code; the CLI adds file reading.
 */

/** A database that failed validation; `problems` lists every bad entry and field, one per line. */
export class ClaimDatabaseError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[], label = 'claim database') {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`Invalid ${label}: ${count}\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ClaimDatabaseError';
    this.problems = problems;
  }
}

/** Options for {@link validateClaimDatabase}: article texts for the quote check, and a label for errors. */
export interface LoadOptions extends IntegrityOptions {
  /** Names the database in error messages, e.g. its file path. */
  label?: string;
}

/** A valid database plus what the quote check covered, for the CLI's summary. */
export interface ValidatedClaimDatabase {
  database: ClaimDatabase;
  quotesChecked: number;
  articlesWithoutText: string[];
}

/**
 * Parses unknown JSON with the schema, then checks integrity. Throws {@link ClaimDatabaseError}
 * naming every bad entry and field, e.g. `assertions[12] (id "x").claimId: no claim "y"`.
 */
export function validateClaimDatabase(json: unknown, options: LoadOptions = {}): ValidatedClaimDatabase {
  const parsed = ClaimDatabaseSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${describePath(json, issue.path)}: ${issue.message}`);
    throw new ClaimDatabaseError(problems, options.label);
  }
  const report = checkIntegrity(parsed.data, options);
  if (report.problems.length > 0) throw new ClaimDatabaseError(report.problems, options.label);
  return { database: parsed.data, quotesChecked: report.quotesChecked, articlesWithoutText: report.articlesWithoutText };
}

/** {@link validateClaimDatabase} for callers that only want the typed database. */
export function loadClaimDatabase(json: unknown, options: LoadOptions = {}): ClaimDatabase {
  return validateClaimDatabase(json, options).database;
}
