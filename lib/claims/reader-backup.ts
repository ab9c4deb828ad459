import { z } from 'zod';
import { fromRow, liveRows, claimRow, factCheckRow, sightingRow, type Indexed, type ReaderClaimsDb } from './reader-db';
import { ClaimImportError } from './reader-import';
import { ClaimPackSchema, CollectedFactCheckSchema, SightingSchema, TrackedClaimSchema } from './reader-schema';

/**
 * The reader's claim store in a backup (the notes' export file carries it), and restoring it: all
 * or nothing, merged by id as an edit is (the later `modified` wins), so restoring the same file
 * twice, or an older one, changes nothing and never undoes an edit made since.
 */

/** The store's live items: tracked claims, their sightings, collected fact-checks and claim packs. */
export const ReaderBackupSchema = z.object({
  claims: z.array(TrackedClaimSchema).default([]),
  sightings: z.array(SightingSchema).default([]),
  factChecks: z.array(CollectedFactCheckSchema).default([]),
  packs: z.array(ClaimPackSchema).default([]),
});
export type ReaderBackup = z.infer<typeof ReaderBackupSchema>;

/** What a restore did, counted over every kind of item. */
export type RestoreResult = { added: number; updated: number; unchanged: number; total: number };

const MAX_REPORTED = 5;

/** The store's live items, for a backup (deleted ones, and sightings of deleted claims, are left out). */
export async function backupReaderClaims(db: ReaderClaimsDb): Promise<ReaderBackup> {
  return db.transaction('r', db.claims, db.sightings, db.factChecks, db.packs, async () => {
    const claims = (await liveRows(db.claims)).map(fromRow);
    const live = new Set(claims.map((c) => c.id));
    const sightings = (await db.sightings.where('live').equals(1).toArray()).map(fromRow).filter((s) => live.has(s.claimId));
    return { claims, sightings, factChecks: (await liveRows(db.factChecks)).map(fromRow), packs: await db.packs.toArray() };
  });
}

/**
 * Reads a backup from a file, naming each bad item (`claims[3].statement: …`); throws
 * ClaimImportError, before anything is written, when any is bad.
 */
export function parseReaderBackup(data: unknown): ReaderBackup {
  const result = ReaderBackupSchema.safeParse(data);
  if (result.success) return result.data;
  const reasons = result.error.issues.map((i) => `${i.path.map((p, k) => (typeof p === 'number' ? `[${p}]` : `${k ? '.' : ''}${String(p)}`)).join('')}: ${i.message}`);
  const more = reasons.length > MAX_REPORTED ? ` …and ${reasons.length - MAX_REPORTED} more` : '';
  throw new ClaimImportError(`The file's claims cannot be restored: ${reasons.slice(0, MAX_REPORTED).join('; ')}${more}`);
}

type Stamped = { id: string; modified: number };

/** The items of `incoming` that are new, or newer than the stored copy, counted into `result`. */
async function newer<T extends Stamped>(table: { bulkGet(ids: string[]): Promise<(Indexed<T> | undefined)[]> }, incoming: readonly T[], result: RestoreResult): Promise<T[]> {
  const byId = new Map<string, T>();
  for (const item of incoming) if (!byId.has(item.id) || item.modified > byId.get(item.id)!.modified) byId.set(item.id, item);
  result.unchanged += incoming.length - byId.size;
  const stored = await table.bulkGet([...byId.keys()]);
  return [...byId.values()].filter((item, i) => {
    const old = stored[i];
    if (old && old.modified >= item.modified) return (result.unchanged++, false);
    if (old) result.updated++;
    else result.added++;
    return true;
  });
}

/**
 * Checks what only the store can tell (read-only, so a caller can check before it writes anything
 * else): every sighting's claim is in the backup or in the store. Throws ClaimImportError if not.
 */
export async function checkReaderBackup(db: ReaderClaimsDb, backup: ReaderBackup): Promise<void> {
  const known = new Set(backup.claims.map((c) => c.id));
  const missing = [...new Set(backup.sightings.map((s) => s.claimId).filter((id) => !known.has(id)))];
  const found = await db.claims.bulkGet(missing);
  const orphan = missing.find((_, i) => !found[i]);
  if (orphan) throw new ClaimImportError(`The file's claims cannot be restored: a sighting belongs to the claim ${orphan}, which is neither in the file nor here`);
}

/**
 * Restores a parsed backup in one transaction: every item newer than the stored copy (or new) is
 * written. Throws ClaimImportError, writing nothing, when a sighting's claim is neither in the
 * backup nor in the store.
 */
export async function restoreReaderClaims(db: ReaderClaimsDb, backup: ReaderBackup): Promise<RestoreResult> {
  const { claims, sightings, factChecks, packs } = backup;
  const result: RestoreResult = { added: 0, updated: 0, unchanged: 0, total: claims.length + sightings.length + factChecks.length + packs.length };
  await db.transaction('rw', db.claims, db.sightings, db.factChecks, db.packs, async () => {
    await checkReaderBackup(db, backup);
    const writes = {
      claims: await newer(db.claims, claims, result),
      sightings: await newer(db.sightings, sightings, result),
      factChecks: await newer(db.factChecks, factChecks, result),
    };
    const uniquePacks = [...new Map(packs.map((p) => [p.id, p])).values()];
    const storedPacks = await db.packs.bulkGet(uniquePacks.map((p) => p.id));
    const newPacks = uniquePacks.filter((_, i) => !storedPacks[i]);
    result.added += newPacks.length;
    result.unchanged += packs.length - newPacks.length;
    await db.claims.bulkPut(writes.claims.map(claimRow));
    await db.sightings.bulkPut(writes.sightings.map(sightingRow));
    await db.factChecks.bulkPut(writes.factChecks.map(factCheckRow));
    await db.packs.bulkPut(newPacks);
  });
  return result;
}
