import { liveQuery } from 'dexie';
import { readerRevision, type ReaderClaimsDb } from '../claims/reader-db';
import { errorMessage } from '../error-message';
import type { BlockMatcher } from './block-matcher';
import type { ClaimSource } from './claim-source';

/** How long a burst of writes (an import, a quick series of edits) is let settle before the index is remade. */
const SETTLE_MS = 300;

/**
 * Keeps the matcher on the claims the reader has now. Any write to the reader's store, from any of
 * the extension's contexts (Dexie tells every context of the origin), loads the claims again; when
 * they changed, the matcher takes the new index and `changed` is called (the tabs ask again).
 * Returns a function that stops following.
 */
export function followReaderClaims(db: ReaderClaimsDb, source: ClaimSource, matcher: BlockMatcher, changed: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const reload = async () => {
    // A first load still under way may have read the store before this write: it is waited for,
    // and the store's revision read again.
    await matcher.ready();
    const loaded = await source.load();
    if (!loaded.changed) return;
    matcher.use(loaded.set.index);
    changed();
  };
  // Every write to the store's content writes a new revision; a load whose revision is the one the
  // matcher has is one small read, so the first answer (the store as it was) costs nothing more.
  const subscription = liveQuery(() => readerRevision(db)).subscribe({
    next: () => {
      clearTimeout(timer);
      timer = setTimeout(() => void reload().catch((error: unknown) => console.warn(`Crosscheck could not take in your claims' change: ${errorMessage(error)}`)), SETTLE_MS);
    },
    error: (error: unknown) => console.warn(`Crosscheck stopped following your claims: ${errorMessage(error)}`),
  });
  return () => {
    clearTimeout(timer);
    subscription.unsubscribe();
  };
}
