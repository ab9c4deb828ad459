import { errorMessage } from '../error-message';
import { idOfName, INDEX_NAME, logIds, MAX_INDEX_BYTES, MAX_LISTING_BYTES, NOTES_DIR, type Index } from './layout';
import { DavError } from './problems';
import { parseListing } from './propfind';
import { mapLimit, type Fetched, type Session } from './session';

/**
 * Reading the library: the index first (a 304 when nothing changed), then only the notes its
 * change log names since this device last read it. A device that has never read the library,
 * has fallen further behind than the log reaches, finds the index unreadable or rewound, or has
 * not listed the folder for a week, lists the folder instead and fetches the notes whose ETag it
 * has not seen. Notes are merged in batches, so an interrupted first sync keeps what it merged.
 */

/** A full listing at least weekly, in case a device wrote notes and died before announcing them. */
export const RELIST_MS = 7 * 24 * 3_600_000;
/** Notes fetched before they are merged and remembered. */
const BATCH = 250;

/** Reads what changed on the server and merges it here. */
export async function pull(s: Session): Promise<void> {
  const { client, codec, now } = s.d;
  const got = await client.get(INDEX_NAME, MAX_INDEX_BYTES, s.index.exists ? s.progress.indexEtag : null);
  if (got.status === 304 && s.progress.seq !== null && now() - s.progress.listedAt < RELIST_MS) return;
  let index: Index | null = s.index.value;
  if (got.status === 200) {
    s.index = { value: null, etag: got.etag, exists: true };
    try {
      index = await codec.decodeIndex(got.body);
      s.index.value = index;
    } catch (err) {
      // Only a cache of the folder's listing: list instead, and the next write replaces it.
      s.unreadable.push(`the index on the server could not be read (${errorMessage(err)})`);
      index = null;
    }
  } else if (got.status === 404) {
    s.index = { value: null, etag: null, exists: false };
    index = null;
  }
  const ids = changedSince(s, index) ?? (await listChanged(s));
  for (let i = 0; i < ids.length; i += BATCH) {
    const fetched = await mapLimit(ids.slice(i, i + BATCH), s.d.concurrency, (id) => s.fetchNote(id));
    await s.merge(fetched.filter((f): f is Fetched => f !== undefined));
  }
  await s.saveProgress({ seq: index?.seq ?? 0, indexEtag: s.index.etag });
}

/** The notes the log names after this device's progress, or undefined when the log cannot say. */
function changedSince(s: Session, index: Index | null): string[] | undefined {
  const seq = s.progress.seq;
  if (seq === null || !index || s.d.now() - s.progress.listedAt >= RELIST_MS) return undefined;
  if (index.seq < seq) return undefined; // rewound: another library, or an old copy restored
  if (index.seq === seq) return [];
  const log = logIds(index);
  if (!log.length || log[0]![0] > seq + 1) return undefined; // fell behind what the log keeps
  return [...new Set(log.filter(([n]) => n > seq).map(([, id]) => id))];
}

/** Lists the notes folder and returns the notes whose ETag this device has not seen. */
async function listChanged(s: Session): Promise<string[]> {
  let xml: string;
  try {
    xml = await s.d.client.propfind(NOTES_DIR, 1, MAX_LISTING_BYTES);
  } catch (err) {
    if (!(err instanceof DavError && err.problem === 'not-found')) throw err;
    await s.d.client.mkcol(NOTES_DIR);
    xml = '';
  }
  const changed: string[] = [];
  for (const entry of parseListing(xml)) {
    const id = entry.collection ? undefined : idOfName(entry.name);
    if (!id) continue;
    const view = s.views.get(id);
    if (!view || view.etag === null || entry.etag === null || view.etag !== entry.etag) changed.push(id);
  }
  await s.saveProgress({ listedAt: s.d.now() });
  return changed;
}
