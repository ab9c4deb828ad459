import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, beforeEach } from 'vitest';
import { openReaderClaimsDb, type ReaderClaimsDb } from '@/lib/claims/reader-db';
import type { ReaderContext } from '@/lib/claims/reader-rows';

/** What a test of the reader's store works with: a fresh database and a clock it sets. */
export interface ReaderTestDb {
  db: ReaderClaimsDb;
  /** The time `ctx.now()` gives; 1,000 at the start of each test. */
  clock: number;
  ctx: ReaderContext;
}

/** Opens a fresh reader store (fake-indexeddb) before each test and deletes it after. */
export function useReaderDb(): ReaderTestDb {
  const t = { clock: 1_000 } as ReaderTestDb;
  t.ctx = { now: () => t.clock };
  beforeEach(() => {
    t.db = openReaderClaimsDb(`test-${crypto.randomUUID()}`);
    t.clock = 1_000;
  });
  afterEach(async () => {
    t.db.close();
    await Dexie.delete(t.db.name);
  });
  return t;
}
