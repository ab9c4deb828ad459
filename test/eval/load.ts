import { readFileSync } from 'node:fs';
import data from '../../lib/claims/database.json';
import { loadClaimDatabase } from '../../lib/claims/database';
import type { ClaimDatabase } from '../../lib/claims/schema';
import { parseEvalSet, type EvalItem } from '../../lib/matcher/eval-set';

/** Reads the bundled claim database and the labelled evaluation set, both validated. */
export function loadEval(): { db: ClaimDatabase; items: EvalItem[] } {
  const db = loadClaimDatabase(data);
  const url = new URL('../fixtures/eval/sentences.json', import.meta.url);
  const items = parseEvalSet(JSON.parse(readFileSync(url, 'utf8')), new Set(db.claims.map((c) => c.id)));
  return { db, items };
}
