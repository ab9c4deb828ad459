import { fold } from '../fold';

/**
 * Ids of the reader's own claims, fact-checks and pages, in the claim database's slug form. Every
 * one starts with `reader-`, a prefix the bundled database never uses (checked where the two are
 * combined), so the matcher can index both together without a collision.
 */

/** The prefix of every id derived from the reader's store. */
export const READER_PREFIX = 'reader-';

/**
 * A 64-bit hash of a text as 16 hex digits: two 32-bit multiply-xorshift lanes (after bryc's
 * cyrb53), fast enough for 100,000 URLs and wide enough that two pages never share an id in
 * practice. Not cryptographic: ids only need to be stable and distinct.
 */
export function hash64(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

/** A statement compared for sameness: case, accents and runs of white space ignored. */
export function sameness(text: string): string {
  return fold(text).replace(/\s+/g, ' ').trim();
}

/** A collected fact-check's id: the same review of the same claim always gets the same one. */
export function factCheckId(url: string, claimReviewed: string): string {
  return hash64(`${url}\n${sameness(claimReviewed)}`);
}

/** Ids in the combined claim database, by what they name. */
export const readerIds = {
  claim: (uuid: string) => `${READER_PREFIX}claim-${uuid}`,
  sighting: (uuid: string) => `${READER_PREFIX}sighting-${uuid}`,
  /** The article and the source of one page, by its canonical URL. */
  page: (url: string) => `${READER_PREFIX}page-${hash64(url)}`,
  /** The claim a fact-check reviewed; reviews of the same statement share it. */
  reviewedClaim: (statement: string) => `${READER_PREFIX}reviewed-${hash64(sameness(statement))}`,
  factCheck: (id: string) => `${READER_PREFIX}factcheck-${id}`,
  pack: (packId: string, id: string) => `${READER_PREFIX}pack-${packId}-${id}`,
};

const TRACKED_CLAIM = /^reader-claim-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** The tracked claim's UUID in a combined database's claim id (`reader-claim-<uuid>`), or null for any other claim. */
export function trackedClaimUuid(claimId: string): string | null {
  return TRACKED_CLAIM.exec(claimId)?.[1] ?? null;
}
