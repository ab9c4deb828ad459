import { z } from 'zod';
import {
  ArticleSchema,
  AssertionSchema,
  ClaimSchema,
  DifferenceSchema,
  RelationSchema,
  SourceSchema,
  type ClaimDatabase,
} from './schema';

/**
 * The database resolved into the view the UI and `claims list` show: each claim with its assertions
 * (source, article and attribution chain as objects) and its related claims with their own assertions.
 */

/** An assertion with its references replaced by the objects they name. */
export const ResolvedAssertionSchema = AssertionSchema.extend({
  source: SourceSchema,
  article: ArticleSchema,
  /** The attribution chain as sources, outermost (the article's outlet) first. */
  chain: z.array(SourceSchema),
});
export type ResolvedAssertion = z.infer<typeof ResolvedAssertionSchema>;

/**
 * A related claim as seen from one claim. `differs` is oriented from this claim's side:
 * `from` is how this claim has it, `to` how the related claim has it.
 */
export const ResolvedRelationSchema = z.object({
  relationId: RelationSchema.shape.id,
  kind: RelationSchema.shape.kind,
  claim: ClaimSchema.pick({ id: true, statement: true, type: true }),
  assertions: z.array(ResolvedAssertionSchema),
  differs: z.array(DifferenceSchema),
  note: z.string().optional(),
});
export type ResolvedRelation = z.infer<typeof ResolvedRelationSchema>;

/** A claim with everything the popup needs to show it. */
export const ResolvedClaimSchema = ClaimSchema.extend({
  assertions: z.array(ResolvedAssertionSchema),
  corroborations: z.array(ResolvedRelationSchema),
  conflicts: z.array(ResolvedRelationSchema),
});
export type ResolvedClaim = z.infer<typeof ResolvedClaimSchema>;

/** The whole resolved database, as printed by `claims list`. */
export const ResolvedClaimDatabaseSchema = z.object({
  version: z.number().int().positive(),
  articles: z.array(ArticleSchema),
  sources: z.array(SourceSchema),
  claims: z.array(ResolvedClaimSchema),
});
export type ResolvedClaimDatabase = z.infer<typeof ResolvedClaimDatabaseSchema>;

/**
 * Resolves a database that has passed validation (every reference resolves); throws if handed one
 * that has not, rather than print a view with holes in it.
 */
export function resolveClaimDatabase(db: ClaimDatabase): ResolvedClaimDatabase {
  const byId = <T extends { id: string }>(items: T[], what: string) => {
    const map = new Map(items.map((item) => [item.id, item]));
    return (id: string): T => {
      const found = map.get(id);
      if (!found) throw new Error(`resolveClaimDatabase: no ${what} "${id}" (validate the database first)`);
      return found;
    };
  };
  const source = byId(db.sources, 'source');
  const article = byId(db.articles, 'article');
  const claim = byId(db.claims, 'claim');

  const assertionsOf = new Map<string, ResolvedAssertion[]>();
  for (const a of db.assertions) {
    const resolved = { ...a, source: source(a.sourceId), article: article(a.articleId), chain: a.attribution.map(source) };
    assertionsOf.set(a.claimId, [...(assertionsOf.get(a.claimId) ?? []), resolved]);
  }

  const relationsOf = new Map<string, ResolvedRelation[]>();
  const add = (from: string, other: string, view: Omit<ResolvedRelation, 'claim' | 'assertions'>) => {
    const { id, statement, type } = claim(other);
    const entry = { ...view, claim: { id, statement, type }, assertions: assertionsOf.get(other) ?? [] };
    relationsOf.set(from, [...(relationsOf.get(from) ?? []), entry]);
  };
  for (const r of db.relations) {
    const note = r.note === undefined ? {} : { note: r.note };
    add(r.from, r.to, { relationId: r.id, kind: r.kind, differs: r.differs, ...note });
    // Seen from the other end, each difference swaps sides.
    const swapped = r.differs.map((d) => ({ ...d, from: d.to, to: d.from }));
    add(r.to, r.from, { relationId: r.id, kind: r.kind, differs: swapped, ...note });
  }

  const claims = db.claims.map((c) => {
    const related = relationsOf.get(c.id) ?? [];
    return {
      ...c,
      assertions: assertionsOf.get(c.id) ?? [],
      corroborations: related.filter((r) => r.kind === 'corroborates'),
      conflicts: related.filter((r) => r.kind === 'conflicts'),
    };
  });
  return { version: db.version, articles: db.articles, sources: db.sources, claims };
}
