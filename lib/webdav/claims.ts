import { z } from 'zod';
import type { ReaderClaimsDb } from '../claims/reader-db';
import { errorMessage } from '../error-message';
import { CLAIM_FORMAT, type ClaimEntry } from '../sync/claim-entry';
import { mergeRemoteClaims, readClaimEntries } from '../sync/claim-store';
import { recordString } from '../sync/item-format';
import type { DavClient } from './client';
import type { ObjectCodec } from './layout';
import { DavError } from './problems';
import { parseListing } from './propfind';
import { mapLimit, UNREADABLE } from './session';
import { recordHash, type DavStateStore, type RemoteView } from './state';

/**
 * The reader's tracked claims in the WebDAV folder, a second collection beside the notes:
 * `claims/<id>`, one object per claim with its sightings (the storage.sync engine's record of it,
 * sealed under its name like a note), merged by the same rules (`mergeRemoteClaims`). They are few,
 * so a sync lists their folder (one PROPFIND) rather than keep a change log, fetches those whose
 * ETag it has not seen, and writes those whose version here the server does not hold, conditionally
 * (If-Match, If-None-Match: * when new); a refused write reads the claim again, merges, and retries.
 */

export const CLAIMS_DIR = 'claims/';
/** Largest claim object read (256 sightings of a few kB, sealed); anything larger is refused unread. */
const MAX_CLAIM_BYTES = 2 * 1024 * 1024;
/** A listing of the claims folder: about 400 bytes a claim, for up to 10,000. */
const MAX_LISTING_BYTES = 4 * 1024 * 1024;
/** Tries at one claim before leaving it for the next sync. */
const ATTEMPTS = 5;

/** What the claims' sync needs: the folder, the store, and where it remembers what the server held. */
export type DavClaimsDeps = {
  client: DavClient;
  codec: ObjectCodec;
  db: () => ReaderClaimsDb;
  state: DavStateStore;
  library: string;
  concurrency: number;
  backoff: (attempt: number) => Promise<void>;
};

/** What a claims' sync left: claims still waiting (a write kept losing), what could not be read, and the claims merged here. */
export type ClaimPass = { waiting: number; problems: string[]; merged: number };

type Fetched = { id: string; etag: string | null; entry: ClaimEntry } | { id: string; etag: string | null; error: string };

const claimName = (id: string) => `${CLAIMS_DIR}${id}`;
const hashOf = (e: ClaimEntry) => recordHash(recordString(CLAIM_FORMAT, e));

/** The tracked claims of one library; `sync()` once per WebDAV sync. */
export class DavClaims {
  private constructor(
    private readonly d: DavClaimsDeps,
    private readonly views: Map<string, RemoteView>,
  ) {}

  /** Reads what this device last saw of the library's claims. */
  static async open(d: DavClaimsDeps): Promise<DavClaims> {
    return new DavClaims(d, await d.state.views(d.library));
  }

  /** Reads the claims that changed on the server, merges them here, and writes those that differ. */
  async sync(): Promise<ClaimPass> {
    const pass: ClaimPass = { waiting: 0, problems: [], merged: 0 };
    const changed = await this.listChanged();
    const fetched = await mapLimit(changed, this.d.concurrency, (id) => this.fetch(id));
    await this.merge(fetched.filter((f): f is Fetched => f !== undefined), pass);
    const { entries } = await readClaimEntries(this.d.db());
    const dirty = entries.filter((e) => this.views.get(e.id)?.hash !== hashOf(e));
    const done = await mapLimit(dirty, this.d.concurrency, (e) => this.write(e, pass));
    pass.waiting = done.filter((ok) => !ok).length;
    return pass;
  }

  /** Lists the claims folder (made when missing) and returns the claims whose ETag this device has not seen. */
  private async listChanged(): Promise<string[]> {
    let xml = '';
    try {
      xml = await this.d.client.propfind(CLAIMS_DIR, 1, MAX_LISTING_BYTES);
    } catch (err) {
      if (!(err instanceof DavError && err.problem === 'not-found')) throw err;
      await this.d.client.mkcol(CLAIMS_DIR);
    }
    return parseListing(xml)
      .filter((e) => !e.collection && CLAIM_FORMAT.isId(e.name))
      .filter((e) => {
        const view = this.views.get(e.name);
        return !view || view.etag === null || e.etag === null || view.etag !== e.etag;
      })
      .map((e) => e.name);
  }

  /** Fetches one claim; undefined when the server has none by that name. */
  private async fetch(id: string): Promise<Fetched | undefined> {
    let got;
    try {
      got = await this.d.client.get(claimName(id), MAX_CLAIM_BYTES);
    } catch (err) {
      if (err instanceof DavError && err.problem === 'too-large') return { id, etag: null, error: `tracked claim ${id} on the server could not be read (${err.message})` };
      throw err;
    }
    if (got.status !== 200) return undefined;
    try {
      const value = z.object({ i: z.literal(id), r: z.unknown() }).parse(await this.d.codec.decode(claimName(id), got.body));
      return { id, etag: got.etag, entry: CLAIM_FORMAT.fromCompact(id, value.r) };
    } catch (err) {
      return { id, etag: got.etag, error: `tracked claim ${id} on the server could not be read (${errorMessage(err)})` };
    }
  }

  /** Merges fetched claims here and remembers what the server holds (an unreadable one is replaced by this device's). */
  private async merge(fetched: Fetched[], pass: ClaimPass): Promise<void> {
    const readable = fetched.filter((f): f is Extract<Fetched, { entry: ClaimEntry }> => 'entry' in f);
    const views: [string, RemoteView][] = [];
    for (const f of fetched) if ('error' in f) {
      pass.problems.push(f.error);
      views.push([f.id, { etag: f.etag, hash: UNREADABLE }]);
    }
    if (readable.length) {
      const { ids, errors } = await mergeRemoteClaims(this.d.db(), readable.map((f) => [f.id, f.entry]));
      pass.merged += ids.length;
      pass.problems.push(...errors);
      for (const f of readable) views.push([f.id, { etag: f.etag, hash: hashOf(f.entry) }]);
    }
    await this.remember(views);
  }

  /** Writes one claim; false when it kept losing to other devices' writes. */
  private async write(first: ClaimEntry, pass: ClaimPass): Promise<boolean> {
    let entry: ClaimEntry | undefined = first;
    for (let attempt = 0; attempt < ATTEMPTS && entry; attempt++) {
      const view = this.views.get(entry.id);
      const hash = hashOf(entry);
      if (view?.hash === hash) return true;
      try {
        // Written here without an ETag back: read it before replacing it, never blind.
        if (view && view.etag === null) throw new DavError('precondition', 'no known ETag');
        const body = await this.d.codec.encode(claimName(entry.id), { i: entry.id, r: CLAIM_FORMAT.toCompact(entry) });
        const etag = await this.d.client.put(claimName(entry.id), body, this.d.codec.contentType, view ? { ifMatch: view.etag! } : { ifNoneMatch: '*' });
        await this.remember([[entry.id, { etag, hash }]]);
        return true;
      } catch (err) {
        if (!(err instanceof DavError && err.problem === 'precondition')) throw err;
        if (view?.etag !== null) await this.d.backoff(attempt);
        const fetched = await this.fetch(entry.id);
        if (fetched) await this.merge([fetched], pass);
        else await this.remember([[entry.id, null]]); // gone from the server: it is created again
        entry = (await readClaimEntries(this.d.db())).entries.find((e) => e.id === first.id);
      }
    }
    return entry === undefined;
  }

  private async remember(views: [string, RemoteView | null][]): Promise<void> {
    if (!views.length) return;
    for (const [id, v] of views) {
      if (v) this.views.set(id, v);
      else this.views.delete(id);
    }
    await this.d.state.saveViews(this.d.library, views);
  }
}
