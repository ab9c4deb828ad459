import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_ARTICLES, DEFAULT_DATABASE, readArticleTexts } from '@/lib/cli/claim-files';

/** Test helpers: the real database and pack fixtures as raw JSON, with their article texts. */

export const PACKS = fileURLToPath(new URL('../../fixtures/claim-packs', import.meta.url));
export const BRIDGE_PACK = join(PACKS, 'harbour-bridge/pack.json');
export const BRIDGE_ARTICLES = join(PACKS, 'harbour-bridge/articles');

/** Parses a JSON file afresh, so each test can mutate its own copy. */
export function readJson(path: string): any {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** The real database's raw JSON and the texts of its articles from test/fixtures/articles. */
export function realDatabase(): { json: any; texts: Map<string, string> } {
  const json = readJson(DEFAULT_DATABASE);
  const { texts, missing } = readArticleTexts(DEFAULT_ARTICLES, json.articles, process.cwd());
  if (missing.length) throw new Error(`article texts missing: ${JSON.stringify(missing)}`);
  return { json, texts };
}

/** The valid synthetic pack's raw JSON and its article texts. */
export function bridgePack(): { json: any; texts: Map<string, string> } {
  const json = readJson(BRIDGE_PACK);
  const { texts } = readArticleTexts(BRIDGE_ARTICLES, json.articles, process.cwd());
  return { json, texts };
}
