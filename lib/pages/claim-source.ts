import { getBundledClaimDatabase } from '../claims/bundled';
import { readerClaimDatabase, readReaderData, withReaderClaims, type ReaderData } from '../claims/reader-database';
import { readerClaimsDb, readerRevision } from '../claims/reader-db';
import { resolveClaimDatabase, type ResolvedClaim } from '../claims/resolve';
import type { ClaimDatabase } from '../claims/schema';
import { errorMessage } from '../error-message';
import { buildClaimIndex, type ClaimIndex } from '../matcher';
import { restoreIndex, storeIndex } from '../matcher/index-store';
import type { Tokenizer } from '../matcher/tokens';
import { loadExtensionLexicon, type LoadedLexicon } from './extension-lexicon';
import { openWorkerCache, type IndexCache } from './worker-cache';

/** The claims the background matches against, as one database, its index and the key of both. */
export type ClaimSet = { key: string; database: ClaimDatabase; index: ClaimIndex };

/** The reader's store as the source reads it: its revision alone, or its live items with it. */
export type ReaderSource = {
  revision(): Promise<string>;
  read(): Promise<ReaderData & { revision: string }>;
};

export type ClaimSourceDeps = { loadLexicon?: () => Promise<LoadedLexicon>; reader?: ReaderSource; cache?: IndexCache };

const storeOfThisContext: ReaderSource = {
  revision: () => readerRevision(readerClaimsDb()),
  read: () => readReaderData(readerClaimsDb()),
};

const NO_READER_DATA: ReaderData = { claims: [], sightings: [], factChecks: [], packs: [] };

declare const __CROSSCHECK_CLAIMS_KEY__: string | undefined;
/** A hash of the bundled claim database, made when WXT builds the extension (wxt.config.ts); elsewhere its version stands for it. */
const BUNDLED_KEY = typeof __CROSSCHECK_CLAIMS_KEY__ === 'string' ? __CROSSCHECK_CLAIMS_KEY__ : undefined;

const warnUnreadable = (error: unknown) =>
  console.warn(`Crosscheck could not read your own claims, and matches the bundled ones only: ${errorMessage(error)}`);

/**
 * The bundled claim database joined with the reader's own (tracked claims, fact-checks, packs), and
 * its claim index. `load` makes a new set only when the reader's store changed (its revision says
 * so in one small read). What it made is cached under that revision: a worker that starts again
 * reads the reader's claims and their index back rather than reading the store row by row and
 * building the index. A store that cannot be read leaves the bundled claims working.
 */
export class ClaimSource {
  private lexicon: Promise<LoadedLexicon> | undefined;
  private current: ClaimSet | undefined;
  private resolved: Map<string, ResolvedClaim> | undefined;
  /** Loads run one after another, so that two changes close together cannot swap sets out of order. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly loadLexicon: () => Promise<LoadedLexicon>;
  private readonly reader: ReaderSource;
  private readonly cache: IndexCache;

  constructor(deps: ClaimSourceDeps = {}) {
    this.loadLexicon = deps.loadLexicon ?? loadExtensionLexicon;
    this.reader = deps.reader ?? storeOfThisContext;
    this.cache = deps.cache ?? openWorkerCache().claims;
  }

  /** Loads the claims as they are now; resolves with the set, and whether it differs from the one before. */
  load(): Promise<{ set: ClaimSet; changed: boolean }> {
    const next = this.queue.then(() => this.loadNow());
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** The matcher's tokenizer (its lexicon, once loaded), to read the facts of the reader's words with. */
  async tokenizer(): Promise<Tokenizer> {
    return (this.current ?? (await this.load()).set).index.tokenizer;
  }

  /** The claims of these ids, resolved (sources, relations) for the popup and the card; unknown ids are left out. */
  async resolve(ids: readonly string[]): Promise<ResolvedClaim[]> {
    const set = this.current ?? (await this.load()).set;
    this.resolved ??= new Map(resolveClaimDatabase(set.database).claims.map((c) => [c.id, c]));
    return ids.flatMap((id) => this.resolved!.get(id) ?? []);
  }

  private async loadNow(): Promise<{ set: ClaimSet; changed: boolean }> {
    // The lexicon and the store's revision are read side by side: a woken worker waits for the slower only.
    const [{ lexicon, key: lexiconKey }, revision] = await Promise.all([
      (this.lexicon ??= this.loadLexicon().catch((error: unknown) => {
        this.lexicon = undefined; // tried again at the next load
        throw error;
      })),
      this.reader.revision().catch((error: unknown) => (warnUnreadable(error), null)),
    ]);
    const bundled = getBundledClaimDatabase();
    const keyOf = (revision: string) => `${lexiconKey} ${BUNDLED_KEY ?? bundled.version} ${revision}`;
    if (revision !== null && this.current?.key === keyOf(revision)) return { set: this.current, changed: false };
    const cached = revision === null ? undefined : await this.cache.get(keyOf(revision)).catch(() => undefined);
    if (cached) {
      try {
        const database = withReaderClaims(bundled, cached.reader);
        return this.use({ key: cached.key, database, index: restoreIndex(cached.index, lexicon, database.claims) });
      } catch {
        // What was kept does not fit: made again below, and replaced.
      }
    }
    // Nothing of the reader's: the store need not be read, and the bundled claims' index is kept.
    if (revision === '') return this.make(keyOf(revision), bundled, lexicon, NO_READER_DATA);
    const data = revision === null ? null : await this.reader.read().catch((error: unknown) => (warnUnreadable(error), null));
    // An unreadable store is tried again at the next load: its key matches no revision.
    const key = keyOf(data ? data.revision : `unreadable ${Date.now()}`);
    if (this.current?.key === key) return { set: this.current, changed: false };
    return this.make(key, bundled, lexicon, data);
  }

  /** Joins the reader's items (null: unreadable) to the bundled claims, builds the index, and caches both when the items were read. */
  private make(key: string, bundled: ClaimDatabase, lexicon: LoadedLexicon['lexicon'], data: ReaderData | null): { set: ClaimSet; changed: boolean } {
    const reader = readerClaimDatabase(data ?? NO_READER_DATA);
    const database = withReaderClaims(bundled, reader);
    const index = buildClaimIndex(database, lexicon);
    if (data) {
      void this.cache.put({ key, reader, index: storeIndex(index, key) }).catch((error: unknown) => {
        console.warn(`Crosscheck could not keep its claim index for the next start: ${errorMessage(error)}`);
      });
    }
    return this.use({ key, database, index });
  }

  private use(set: ClaimSet): { set: ClaimSet; changed: boolean } {
    this.current = set;
    this.resolved = undefined;
    return { set, changed: true };
  }
}
