import { PageSourceSchema, type PageSource } from './page-source-schema';
import type { ReaderClaimsDb } from './reader-db';
import { trackedClaimUuid } from './reader-ids';
import type { NewSighting, TrackedClaim } from './reader-schema';
import { addSighting, getTrackedClaim, type ReaderContext } from './reader-store';
import type { Difference } from './schema';

/**
 * Records where the reader meets their tracked claims again: when a tab's page states one (the
 * matcher found it), a sighting is stored once per claim and page (canonical URL), never on the
 * claim's own page, with the page's source and its own words. The matcher's stance and what it
 * read as differing (numbers, dates, titles) are the proposal; the reader confirms it on the card.
 */

/** A match the background reported for a tab (the fields of the matcher's ClaimMatch used here). */
export type SeenMatch = {
  claimId: string;
  stance: 'corroborates' | 'conflicts';
  differs?: readonly { what: string; expected: string; found: string }[];
};

/** What the tab answers about its page: its source, and where each claim is painted. */
export type PageWords = {
  page: unknown;
  found: readonly { claimId: string; quote: unknown; position?: unknown }[];
};

export type SightingRecorderDeps = {
  db: () => ReaderClaimsDb;
  ctx: ReaderContext;
  /** Asks the tab's content script about its page (see describeSightingsRoute). */
  ask: (tabId: number, claimIds: string[]) => Promise<PageWords>;
};

/** The matcher's proposal as a sighting's judgement: agrees, or conflicts with what differs. */
export function proposal(match: SeenMatch, claim: TrackedClaim): Pick<NewSighting, 'stance' | 'differs' | 'by'> {
  if (match.stance !== 'conflicts') return { stance: 'agrees', differs: [], by: 'crosscheck' };
  const differs = (match.differs ?? []).map((d): Difference => {
    const fact = claim.facts.find((f) => f.key === d.what);
    return { aspect: fact?.kind ?? 'detail', what: d.what, from: d.expected, to: d.found, ...(fact ? { fact: fact.key } : {}) };
  });
  return { stance: 'conflicts', differs, by: 'crosscheck' };
}

/** Pages and claims remembered as handled, at most (a long-lived worker forgets, and asks the store). */
const MAX_REMEMBERED = 10_000;

/** Records tracked claims' sightings from the tabs' reports (see the module's comment). */
export class SightingRecorder {
  /** `page URL \n claim id` already handled by this worker: a page reports at every rescan. */
  private readonly seenOn = new Set<string>();

  constructor(private readonly deps: SightingRecorderDeps) {}

  /**
   * A tab at `pageUrl` states these matches: records a sighting of each tracked claim among them
   * that this page has none of yet. Resolves to the number recorded; never throws (a page that
   * cannot answer, or a claim deleted meanwhile, records nothing).
   */
  async seen(tabId: number, pageUrl: string, matches: readonly SeenMatch[]): Promise<number> {
    const fresh = new Map<string, SeenMatch>();
    for (const m of matches) {
      const key = `${pageUrl}\n${m.claimId}`;
      if (trackedClaimUuid(m.claimId) && !this.seenOn.has(key) && !fresh.has(m.claimId)) fresh.set(m.claimId, m);
    }
    if (fresh.size === 0) return 0;
    if (this.seenOn.size > MAX_REMEMBERED) this.seenOn.clear(); // the store still says what was recorded
    const keys = [...fresh.keys()].map((id) => `${pageUrl}\n${id}`);
    keys.forEach((k) => this.seenOn.add(k));
    try {
      const words = await this.deps.ask(tabId, [...fresh.keys()].slice(0, 50));
      const page = PageSourceSchema.safeParse(words.page);
      if (!page.success || !sameOrigin(page.data.url, pageUrl)) return 0;
      let recorded = 0;
      for (const w of words.found) {
        const match = fresh.get(w.claimId);
        if (match && (await this.record(page.data, match, w).catch(() => false))) recorded++;
      }
      return recorded;
    } catch {
      keys.forEach((k) => this.seenOn.delete(k)); // the tab could not answer: try at its next report
      return 0;
    }
  }

  /** Stores one sighting unless the claim is gone, was tracked on this page, or was seen here already. */
  private async record(page: PageSource, match: SeenMatch, words: PageWords['found'][number]): Promise<boolean> {
    const db = this.deps.db();
    const claimId = trackedClaimUuid(match.claimId)!;
    return db.transaction('rw', db.claims, db.sightings, async () => {
      const claim = await getTrackedClaim(db, claimId);
      if (claim.deleted || claim.page.url === page.url) return false;
      // Deleted sightings count too: the reader rejected this page once.
      const known = await db.sightings.where('[claimId+live]').anyOf([claimId, 0], [claimId, 1]).toArray();
      if (known.some((s) => s.page.url === page.url)) return false;
      const position = words.position === undefined ? {} : { position: words.position };
      await addSighting(db, { claimId, page, quote: words.quote, ...position, ...proposal(match, claim) }, this.deps.ctx);
      return true;
    });
  }
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
