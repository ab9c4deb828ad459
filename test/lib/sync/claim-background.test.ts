import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openReaderClaimsDb, readerRevision, type ReaderClaimsDb } from '@/lib/claims/reader-db';
import { TrackedClaimSchema } from '@/lib/claims/reader-schema';
import { deleteTrackedClaim, trackClaim } from '@/lib/claims/reader-store';
import { openNotesDb, type NotesDb } from '@/lib/notes/db';
import { createNotesNotice } from '@/lib/notes/notes-broadcast';
import { toRecord } from '@/lib/notes/record';
import { CLAIM_FORMAT, CLAIM_KEYS } from '@/lib/sync/claim-entry';
import { claimEntryOf } from '@/lib/sync/claim-merge';
import { encodeItems } from '@/lib/sync/item-format';
import { headKey, headKeyIn } from '@/lib/sync/keys';
import { startSyncBackground } from '@/lib/sync/sync-background';
import { readSyncStatus, setSyncEnabled } from '@/lib/sync/sync-settings';
import { claimDraft } from '../claims/reader-fixtures';
import { makeNote } from './support/devices';
import { FakeSyncHub, type FakeSyncArea } from './support/fake-sync';

/** The background's claims sync beside the notes': the store's own writes, other devices' claims, one status line, one switch. */

let notes: NotesDb;
let claims: ReaderClaimsDb;
let hub: FakeSyncHub;
let area: FakeSyncArea;
let stop: () => void;
const ctx = { now: () => Date.now() };

const start = () => {
  const wired = startSyncBackground(notes, {
    sync: area,
    local: fakeBrowser.storage.local,
    alarms: fakeBrowser.alarms as never,
    storageEvents: fakeBrowser.storage.onChanged as never,
    notice: createNotesNotice(),
    claims: () => claims,
    debounceMs: 20,
  });
  stop = wired.stop;
  return wired;
};

beforeEach(() => {
  fakeBrowser.reset();
  notes = openNotesDb(`claims-bg-notes-${crypto.randomUUID()}`);
  claims = openReaderClaimsDb(`claims-bg-${crypto.randomUUID()}`);
  hub = new FakeSyncHub();
  area = hub.area();
});
afterEach(async () => {
  stop?.();
  notes.close();
  claims.close();
  await Promise.all([Dexie.delete(notes.name), Dexie.delete(claims.name)]);
});

describe('tracked claims in the sync background', () => {
  it('writes a claim tracked in the store (no one names it: the store’s revision moves) beside the notes, and counts it in the one status line', async () => {
    await start().claimsReady;
    const note = makeNote(crypto.randomUUID(), 'a note', Date.now(), 'this-device');
    await notes.notes.put(toRecord(note));
    const claim = await trackClaim(claims, claimDraft(), ctx);
    await vi.waitFor(() => expect(area.data.has(headKeyIn(CLAIM_KEYS, claim.id))).toBe(true), { timeout: 3_000 });
    await vi.waitFor(async () => expect(await readSyncStatus()).toMatchObject({ enabled: true, claimsPending: 0, claimsOverQuota: 0, error: null }));
    await deleteTrackedClaim(claims, claim.id, ctx);
    await vi.waitFor(() => expect(area.data.get(headKeyIn(CLAIM_KEYS, claim.id))).toMatch(/^\{"x":/), { timeout: 3_000 });
    // The notes' keys are the notes' own: the note written outside the routes is not named, and waits for a full pass.
    expect([...area.data.keys()].every((k) => k.startsWith('t:') || k === headKey(note.id))).toBe(true);
  });

  it('merges a claim from another device into the store, moving its revision (so the background repaints)', async () => {
    await start().claimsReady;
    const before = await readerRevision(claims);
    const remote = TrackedClaimSchema.parse({ ...claimDraft({ statement: 'Tracked on the laptop.' }), id: crypto.randomUUID(), created: 5, modified: 5 });
    await hub.area().set(encodeItems(CLAIM_FORMAT, claimEntryOf(remote, [])));
    await vi.waitFor(async () => expect((await claims.claims.get(remote.id))?.statement).toBe('Tracked on the laptop.'), { timeout: 3_000 });
    expect(await readerRevision(claims)).not.toBe(before);
  });

  it('follows the reader’s switch for the claims too', async () => {
    await start().claimsReady;
    await setSyncEnabled(false);
    await vi.waitFor(async () => expect((await readSyncStatus())?.enabled).toBe(false));
    const claim = await trackClaim(claims, claimDraft(), ctx);
    await new Promise((r) => setTimeout(r, 150));
    expect(area.data.has(headKeyIn(CLAIM_KEYS, claim.id))).toBe(false);
    await setSyncEnabled(true);
    await vi.waitFor(() => expect(area.data.has(headKeyIn(CLAIM_KEYS, claim.id))).toBe(true), { timeout: 3_000 });
  });

  it('says when the browser refuses a tracked claim for a full storage, and keeps it', async () => {
    area = hub.area({ limits: { QUOTA_BYTES: 3_000 } });
    await area.set({ filler: 'x'.repeat(2_400) });
    await start().claimsReady;
    const claim = await trackClaim(claims, claimDraft(), ctx);
    await vi.waitFor(async () => expect((await readSyncStatus())?.error).toBe('Browser sync storage is full, so 1 tracked claim could not be synced. It is safe on this device.'), { timeout: 3_000 });
    expect((await readSyncStatus())?.claimsPending).toBe(1);
    expect((await claims.claims.get(claim.id))?.statement).toBe(claim.statement);
  });
});
