import { ClaimDatabaseBuilder, concatClaimDatabases } from './database-builder';
import { addFactCheck } from './factcheck-claims';
import { liveRows, readerRevision, type ReaderClaimsDb } from './reader-db';
import { READER_PREFIX, readerIds } from './reader-ids';
import type { ClaimPack, CollectedFactCheck, Sighting, TrackedClaim } from './reader-schema';
import type { ClaimDatabase } from './schema';

/**
 * The reader's store as a claim database, the shape of the bundled one, so the matcher can index
 * both together and the card can show reader claims as it shows bundled ones. Every id starts with
 * `reader-` (see reader-ids.ts). What becomes what:
 *
 * - a tracked claim: a claim, stated by the page it was tracked on, in its verbatim quote;
 * - a sighting that agrees, or that the reader has not judged: another assertion of the claim, by
 *   its page, in the page's own words (so later pages in those words are found too);
 * - a sighting that conflicts: a claim in the page's words, joined to the tracked claim by a
 *   `conflicts` relation saying what differs;
 * - a collected fact-check: see factcheck-claims.ts (a claim rated false conflicts with its verdict);
 * - an imported claim pack: as it is, its ids prefixed with `reader-pack-<pack>-`.
 *
 * Deleted items are left out, and so are the sightings of deleted claims.
 */

/** The store's live content, as `toClaimDatabase` reads it. */
export interface ReaderData {
  claims: readonly TrackedClaim[];
  sightings: readonly Sighting[];
  factChecks: readonly CollectedFactCheck[];
  packs: readonly ClaimPack[];
}

const oldestFirst = <T extends { id: string; created: number }>(xs: readonly T[]) =>
  [...xs].sort((a, b) => a.created - b.created || (a.id < b.id ? -1 : 1));

function addTrackedClaim(builder: ClaimDatabaseBuilder, c: TrackedClaim): void {
  const id = builder.claim({ id: readerIds.claim(c.id), statement: c.statement, type: c.type, entities: c.entities, facts: c.facts });
  const pageId = builder.page(c.page, c.sourceKind, 'web page');
  builder.state({ id, claimId: id, pageId, quote: c.quote.exact, attributionText: 'Tracked by you on this page' });
}

function addSighting(builder: ClaimDatabaseBuilder, s: Sighting, claim: TrackedClaim): void {
  const id = readerIds.sighting(s.id);
  const claimId = readerIds.claim(claim.id);
  const pageId = builder.page(s.page, 'news-report', 'web page');
  const quote = s.quote.exact;
  if (s.stance !== 'conflicts') {
    builder.state({ id, claimId, pageId, quote, attributionText: 'Seen by you on this page' });
    return;
  }
  builder.claim({ id, statement: quote, type: claim.type, entities: [], facts: [] });
  builder.state({ id, claimId: id, pageId, quote, attributionText: 'Seen by you on this page' });
  // A difference names a `fact` only when both claims carry it; the page's words have no facts here.
  const differs = s.differs.map(({ fact: _fact, ...d }) => d);
  builder.relate({
    id,
    kind: 'conflicts',
    from: claimId,
    to: id,
    differs: differs.length > 0 ? differs : [{ aspect: 'detail', what: 'how it is reported', from: claim.statement, to: quote }],
  });
}

/** A pack's database with every id (and every reference to one) in the pack's namespace. */
function namespacedPack(pack: ClaimPack): ClaimDatabase {
  const ns = (id: string) => readerIds.pack(pack.id, id);
  const d = pack.database;
  return {
    version: d.version,
    articles: d.articles.map((a) => ({ ...a, id: ns(a.id), sourceId: ns(a.sourceId) })),
    sources: d.sources.map((s) => ({ ...s, id: ns(s.id) })),
    claims: d.claims.map((c) => ({ ...c, id: ns(c.id) })),
    assertions: d.assertions.map((a) => ({
      ...a,
      id: ns(a.id),
      claimId: ns(a.claimId),
      sourceId: ns(a.sourceId),
      articleId: ns(a.articleId),
      attribution: a.attribution.map(ns),
    })),
    relations: d.relations.map((r) => ({ ...r, id: ns(r.id), from: ns(r.from), to: ns(r.to) })),
  };
}

/** The reader's live items as a claim database (pure: see the module's comment). */
export function readerClaimDatabase(data: ReaderData, version = 1): ClaimDatabase {
  const builder = new ClaimDatabaseBuilder();
  // Fact-checks first, so that a fact-checker's page keeps its kind if the reader tracked a claim there too.
  for (const fc of [...data.factChecks].sort((a, b) => a.collected - b.collected || (a.id < b.id ? -1 : 1))) addFactCheck(builder, fc);
  const claims = new Map<string, TrackedClaim>();
  for (const c of oldestFirst(data.claims)) {
    claims.set(c.id, c);
    addTrackedClaim(builder, c);
  }
  for (const s of oldestFirst(data.sightings)) {
    const claim = claims.get(s.claimId);
    if (claim) addSighting(builder, s, claim);
  }
  return concatClaimDatabases(version, [builder.build(version), ...data.packs.map(namespacedPack)]);
}

/** The store's live items and its revision (see readerRevision), read in one transaction. */
export function readReaderData(db: ReaderClaimsDb): Promise<ReaderData & { revision: string }> {
  // Rows are used as they are read: their index fields are ignored, and copying 100,000 rows
  // without them would cost more than the conversion.
  return db.transaction('r', [db.claims, db.sightings, db.factChecks, db.packs, db.meta], async () => ({
    claims: await liveRows(db.claims),
    sightings: await db.sightings.where('live').equals(1).toArray(),
    factChecks: await liveRows(db.factChecks),
    packs: await db.packs.toArray(),
    revision: await readerRevision(db),
  }));
}

/** Reads the store's live items and gives them as a claim database. */
export async function toClaimDatabase(db: ReaderClaimsDb): Promise<ClaimDatabase> {
  return readerClaimDatabase(await readReaderData(db));
}

/**
 * The bundled database with the reader's: what the matcher indexes. Throws if the bundled
 * database uses the reader's namespace, which would let the two collide.
 */
export function withReaderClaims(bundled: ClaimDatabase, reader: ClaimDatabase): ClaimDatabase {
  const keys = ['articles', 'sources', 'claims', 'assertions', 'relations'] as const;
  for (const key of keys) {
    const clash = bundled[key].find((entry) => entry.id.startsWith(READER_PREFIX));
    if (clash) throw new Error(`The bundled ${key} use the reader's id prefix "${READER_PREFIX}": ${clash.id}`);
  }
  return concatClaimDatabases(bundled.version, [bundled, reader]);
}
