import { getBundledClaimDatabase } from '../claims/bundled';
import { readerClaimDatabase, readerDataKey, readReaderData, withReaderClaims, type ReaderData } from '../claims/reader-database';
import { readerClaimsDb } from '../claims/reader-db';
import { resolveClaimDatabase, type ResolvedClaim } from '../claims/resolve';
import type { ClaimDatabase } from '../claims/schema';
import { errorMessage } from '../error-message';
import { buildClaimIndex, type ClaimIndex } from '../matcher';
import { restoreIndex, storeIndex } from '../matcher/index-store';
import type { Tokenizer } from '../matcher/tokens';
import { loadExtensionLexicon, type LoadedLexicon } from './extension-lexicon';
import { openIndexCache, type IndexCache } from './index-cache';

/** The claims the background matches against, as one database, its index and the key of both. */
export type ClaimSet = { key: string; database: ClaimDatabase; index: ClaimIndex };

export type ClaimSourceDeps = {
  loadLexicon?: () => Promise<LoadedLexicon>;
  /** The reader's live items (tracked claims, sightings, fact-checks, packs). */
  readReader?: () => Promise<ReaderData>;
  cache?: IndexCache;
};

const NO_READER_DATA: ReaderData = { claims: [], sightings: [], factChecks: [], packs: [] };

/**
 * The bundled claim database joined with the reader's own (tracked claims, fact-checks, packs), and
 * its claim index. `load` reads the reader's store again and makes a new set only when what it holds
 * changed; the index is read back from the cache when it was stored for the same claims, and built
 * (then stored) otherwise. A reader's store that cannot be read leaves the bundled claims working.
 */
export class ClaimSource {
  private lexicon: Promise<LoadedLexicon> | undefined;
  private current: ClaimSet | undefined;
  private resolved: Map<string, ResolvedClaim> | undefined;
  /** Loads run one after another, so that two changes close together cannot swap sets out of order. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly loadLexicon: () => Promise<LoadedLexicon>;
  private readonly readReader: () => Promise<ReaderData>;
  private readonly cache: IndexCache;

  constructor(deps: ClaimSourceDeps = {}) {
    this.loadLexicon = deps.loadLexicon ?? loadExtensionLexicon;
    this.readReader = deps.readReader ?? (() => readReaderData(readerClaimsDb()));
    this.cache = deps.cache ?? openIndexCache();
  }

  /** Reads the reader's store; resolves with the set, and whether it differs from the one before. */
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
    const { lexicon, key: lexiconKey } = await (this.lexicon ??= this.loadLexicon().catch((error: unknown) => {
      this.lexicon = undefined; // tried again at the next load
      throw error;
    }));
    const reader = await this.readReader().catch((error: unknown) => {
      console.warn(`Crosscheck could not read your own claims, and matches the bundled ones only: ${errorMessage(error)}`);
      return NO_READER_DATA;
    });
    const bundled = getBundledClaimDatabase();
    const key = `${lexiconKey} ${bundled.version} ${readerDataKey(reader)}`;
    if (this.current?.key === key) return { set: this.current, changed: false };
    const database = withReaderClaims(bundled, readerClaimDatabase(reader));
    const index = await this.indexOf(database, lexicon, key);
    this.current = { key, database, index };
    this.resolved = undefined;
    return { set: this.current, changed: true };
  }

  private async indexOf(database: ClaimDatabase, lexicon: LoadedLexicon['lexicon'], key: string): Promise<ClaimIndex> {
    const stored = await this.cache.get(key).catch(() => undefined);
    if (stored) {
      try {
        return restoreIndex(stored, lexicon, database.claims);
      } catch {
        // A stored index that does not fit is rebuilt below, and replaced.
      }
    }
    const index = buildClaimIndex(database, lexicon);
    void this.cache.put(storeIndex(index, key)).catch((error: unknown) => {
      console.warn(`Crosscheck could not keep its claim index for the next start: ${errorMessage(error)}`);
    });
    return index;
  }
}
