import type { PageSource } from './page-source-schema';
import { readerIds } from './reader-ids';
import type { Article, Assertion, Claim, ClaimDatabase, Relation, Source, SourceKind } from './schema';

/**
 * Builds a claim database from the reader's store, entry by entry: each page once (as an article
 * and the source that published it, under one id from its canonical URL), each source and claim
 * once, assertions and relations as they come.
 */
export class ClaimDatabaseBuilder {
  private readonly articles = new Map<string, Article>();
  private readonly sources = new Map<string, Source>();
  private readonly claims = new Map<string, Claim>();
  private readonly assertions: Assertion[] = [];
  private readonly relations: Relation[] = [];

  /**
   * The id of a page's article and of its source (the same slug in both collections). The first
   * description of a page wins, so a fact-checker's page added first stays a fact-checker's.
   */
  page(page: PageSource, kind: SourceKind, articleKind: string): string {
    const id = readerIds.page(page.url);
    if (!this.sources.has(id)) {
      const { url, outlet, title, author, published } = page;
      this.sources.set(id, { id, name: outlet, kind, url, author, date: published });
      this.articles.set(id, { id, sourceId: id, file: url, title, outlet, author, published, kind: articleKind, url });
    }
    return id;
  }

  /** Adds a source once; returns its id. */
  source(source: Source): string {
    if (!this.sources.has(source.id)) this.sources.set(source.id, source);
    return source.id;
  }

  /** Adds a claim once (the first statement of it wins); returns its id. */
  claim(claim: Claim): string {
    if (!this.claims.has(claim.id)) this.claims.set(claim.id, claim);
    return claim.id;
  }

  /**
   * Source `sourceId` states claim `claimId` on page `pageId`, in these words; `sourceId` is the
   * page's own outlet unless given (then the chain is outlet → source).
   */
  state(a: { id: string; claimId: string; pageId: string; quote: string; attributionText: string; sourceId?: string }): void {
    const sourceId = a.sourceId ?? a.pageId;
    const attribution = sourceId === a.pageId ? [a.pageId] : [a.pageId, sourceId];
    const { id, claimId, pageId: articleId, quote, attributionText } = a;
    this.assertions.push({ id, claimId, sourceId, articleId, quote, attribution, attributionText });
  }

  relate(relation: Relation): void {
    this.relations.push(relation);
  }

  build(version = 1): ClaimDatabase {
    return {
      version,
      articles: [...this.articles.values()],
      sources: [...this.sources.values()],
      claims: [...this.claims.values()],
      assertions: this.assertions,
      relations: this.relations,
    };
  }
}

/** Several databases as one (their ids must not collide: see `withReaderClaims`). */
export function concatClaimDatabases(version: number, databases: readonly ClaimDatabase[]): ClaimDatabase {
  return {
    version,
    articles: databases.flatMap((d) => d.articles),
    sources: databases.flatMap((d) => d.sources),
    claims: databases.flatMap((d) => d.claims),
    assertions: databases.flatMap((d) => d.assertions),
    relations: databases.flatMap((d) => d.relations),
  };
}
