import { readFileSync } from 'node:fs';
import data from '@/lib/claims/database.json';
import { loadClaimDatabase } from '@/lib/claims/database';
import type { ClaimDatabase } from '@/lib/claims/schema';
import { coverageHalf, parseCoverageSet } from '@/lib/matcher/coverage-set';
import { labelledSentences, parseEvalSet } from '@/lib/matcher/eval-set';
import type { LabelledSentence } from '@/lib/matcher/evaluate';

const read = (path: string): unknown => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));

/** The bundled claim database and the labelled sets, validated: the hand-written one and both halves of real coverage. */
export function loadEval(): { db: ClaimDatabase; handWritten: LabelledSentence[]; tune: LabelledSentence[]; test: LabelledSentence[] } {
  const db = loadClaimDatabase(data);
  const ids = new Set(db.claims.map((c) => c.id));
  const handWritten = labelledSentences(parseEvalSet(read('../fixtures/eval/sentences.json'), ids));
  const pages = parseCoverageSet(read('../fixtures/eval/coverage/pages.json'), ids);
  return { db, handWritten, tune: coverageHalf(pages, 'tune'), test: coverageHalf(pages, 'test') };
}
