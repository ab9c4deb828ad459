import { describePath } from './entry-path';
import type { Claim, ClaimDatabase, Fact } from './schema';

/** What the integrity check needs besides the database itself. */
export interface IntegrityOptions {
  /**
   * Article texts by article id. Quotes are checked only against the articles given here, because the
   * extension bundles the database without the texts; the CLI and the tests supply them.
   */
  articleTexts?: ReadonlyMap<string, string>;
}

/** The outcome of an integrity check: problems (empty when valid) and what the quote check covered. */
export interface IntegrityReport {
  problems: string[];
  /** Assertions whose quote was checked against its article's text. */
  quotesChecked: number;
  /** Articles with no text supplied, so their quotes were not checked. */
  articlesWithoutText: string[];
}

/** Collapses runs of whitespace, the only normalisation a verbatim quote is allowed. */
export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const ISO_DATE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

/**
 * Checks what the schema cannot: unique ids, references that resolve, attribution chains that start at
 * the article's outlet and end at the asserting source, quotes found verbatim in their article, facts
 * found in their claim's quotes, and relations whose stated differences are real.
 * Returns every problem at once so a malformed database can be fixed in one pass.
 */
export function checkIntegrity(db: ClaimDatabase, options: IntegrityOptions = {}): IntegrityReport {
  const problems: string[] = [];
  const at = (path: PropertyKey[], message: string) => problems.push(`${describePath(db, path)}: ${message}`);

  const ids = (collection: 'articles' | 'sources' | 'claims' | 'assertions' | 'relations') => {
    const seen = new Map<string, number>();
    db[collection].forEach((entry, i) => {
      const first = seen.get(entry.id);
      if (first !== undefined) at([collection, i, 'id'], `duplicate id, already used by ${collection}[${first}]`);
      else seen.set(entry.id, i);
    });
    return seen;
  };
  const articles = ids('articles');
  const sources = ids('sources');
  const claims = ids('claims');
  ids('assertions');
  ids('relations');

  const usedSources = new Set<string>();
  db.articles.forEach((article, i) => {
    usedSources.add(article.sourceId);
    if (!sources.has(article.sourceId)) at(['articles', i, 'sourceId'], `no source "${article.sourceId}"`);
  });

  const texts = new Map<string, string>();
  for (const [id, text] of options.articleTexts ?? []) texts.set(id, normalizeWhitespace(text));
  let quotesChecked = 0;
  const quotesByClaim = new Map<string, string[]>();

  db.assertions.forEach((a, i) => {
    if (!claims.has(a.claimId)) at(['assertions', i, 'claimId'], `no claim "${a.claimId}"`);
    if (!sources.has(a.sourceId)) at(['assertions', i, 'sourceId'], `no source "${a.sourceId}"`);
    a.attribution.forEach((s, j) => {
      usedSources.add(s);
      if (!sources.has(s)) at(['assertions', i, 'attribution', j], `no source "${s}"`);
    });
    const article = db.articles[articles.get(a.articleId) ?? -1];
    if (!article) at(['assertions', i, 'articleId'], `no article "${a.articleId}"`);
    else if (a.attribution[0] !== article.sourceId) {
      at(['assertions', i, 'attribution', 0], `must be the article's source "${article.sourceId}", found "${a.attribution[0]}"`);
    }
    if (a.attribution.at(-1) !== a.sourceId) {
      at(['assertions', i, 'attribution'], `must end with the asserting source "${a.sourceId}"`);
    }
    const quote = normalizeWhitespace(a.quote);
    const text = texts.get(a.articleId);
    if (text !== undefined) {
      quotesChecked++;
      if (!text.includes(quote)) at(['assertions', i, 'quote'], `not found verbatim in article "${a.articleId}"`);
    }
    quotesByClaim.set(a.claimId, [...(quotesByClaim.get(a.claimId) ?? []), quote.toLowerCase()]);
  });

  db.sources.forEach((s, i) => {
    if (!usedSources.has(s.id)) at(['sources', i, 'id'], 'source is not used by any article or attribution');
  });

  db.claims.forEach((claim, i) => {
    const quotes = quotesByClaim.get(claim.id);
    if (!quotes) at(['claims', i, 'id'], 'claim has no assertion');
    checkFacts(claim, quotes ?? [], (path, message) => at(['claims', i, ...path], message));
  });

  const pairs = new Map<string, number>();
  db.relations.forEach((r, i) => {
    const from = db.claims[claims.get(r.from) ?? -1];
    const to = db.claims[claims.get(r.to) ?? -1];
    if (!from) at(['relations', i, 'from'], `no claim "${r.from}"`);
    if (!to) at(['relations', i, 'to'], `no claim "${r.to}"`);
    if (r.from === r.to) at(['relations', i, 'to'], 'a claim cannot relate to itself');
    const pair = [r.from, r.to].sort().join(' ');
    const first = pairs.get(pair);
    if (first !== undefined) at(['relations', i], `same pair of claims as relations[${first}]`);
    else pairs.set(pair, i);
    if (r.kind === 'conflicts' && r.differs.length === 0) at(['relations', i, 'differs'], 'a conflict must say what differs');
    r.differs.forEach((d, j) => {
      if (d.fact === undefined || !from || !to) return;
      const a = from.facts.find((f) => f.key === d.fact);
      const b = to.facts.find((f) => f.key === d.fact);
      const path = ['relations', i, 'differs', j, 'fact'];
      if (!a || !b) at(path, `fact "${d.fact}" missing from claim "${(a ? to : from).id}"`);
      else if (r.kind === 'conflicts' && sameFact(a, b)) at(path, `fact "${d.fact}" is the same in both claims`);
    });
  });

  const articlesWithoutText = db.articles.filter((a) => !texts.has(a.id)).map((a) => a.id);
  return { problems, quotesChecked, articlesWithoutText };
}

/** Facts need unique keys, values of the right shape, and wording found in one of the claim's quotes. */
function checkFacts(claim: Claim, quotes: string[], at: (path: PropertyKey[], message: string) => void): void {
  const keys = new Set<string>();
  claim.facts.forEach((fact, j) => {
    if (keys.has(fact.key)) at(['facts', j, 'key'], `duplicate fact key "${fact.key}"`);
    keys.add(fact.key);
    if (fact.kind === 'number' && typeof fact.value !== 'number') at(['facts', j, 'value'], 'a number fact needs a numeric value');
    if (fact.kind === 'date' && !(typeof fact.value === 'string' && ISO_DATE.test(fact.value))) {
      at(['facts', j, 'value'], 'a date fact needs an ISO value: "2019", "2019-03" or "2019-03-23"');
    }
    const wording = normalizeWhitespace(fact.text).toLowerCase();
    if (quotes.length > 0 && !quotes.some((q) => q.includes(wording))) {
      at(['facts', j, 'text'], `"${fact.text}" is not in any quote of the claim`);
    }
  });
}

/** Two facts agree when both value and wording match; "Nearly 100" and "around 100" differ in wording. */
function sameFact(a: Fact, b: Fact): boolean {
  return a.value === b.value && normalizeWhitespace(a.text).toLowerCase() === normalizeWhitespace(b.text).toLowerCase();
}
