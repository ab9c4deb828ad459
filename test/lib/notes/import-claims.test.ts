import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupReaderClaims } from '@/lib/claims/reader-backup';
import { openReaderClaimsDb, type ReaderClaimsDb } from '@/lib/claims/reader-db';
import { collectFactChecks } from '@/lib/claims/reader-factchecks';
import { importClaimsFile } from '@/lib/claims/reader-import';
import { addSighting, deleteTrackedClaim, editTrackedClaim, trackClaim } from '@/lib/claims/reader-store';
import { openNotesDb, type NotesDb } from '@/lib/notes/db';
import { CLAIMS_NOT_RESTORED, exportWithClaims, importWithClaims, READER_CLAIMS_KEY } from '@/lib/notes/claims-file';
import { exportJson } from '@/lib/notes/export';
import { ImportError, importNotes } from '@/lib/notes/import';
import { listAllNotes } from '@/lib/notes/notes-service';
import { parseClaimReviews } from '@/lib/factchecks/parse';
import { makeNote } from '../../fixtures/notes/sample-notes';
import { claimReviewFixture } from '../factchecks/claim-review-fixtures';
import { BRIDGE_PACK } from '../claims/claim-fixtures';
import { claimDraft, sightingDraft } from '../claims/reader-fixtures';

let notesDb: NotesDb;
let here: ReaderClaimsDb;
let there: ReaderClaimsDb;
let clock = 1_000;
const ctx = { now: () => clock };
beforeEach(() => {
  notesDb = openNotesDb(`test-${crypto.randomUUID()}`);
  here = openReaderClaimsDb(`test-${crypto.randomUUID()}`);
  there = openReaderClaimsDb(`test-${crypto.randomUUID()}`);
  clock = 1_000;
});
afterEach(async () => {
  for (const db of [notesDb, here, there]) {
    db.close();
    await Dexie.delete(db.name);
  }
});

const notes = [makeNote({ n: 1 }), makeNote({ n: 2 })];

/** A store with a tracked claim and its sighting, a deleted claim, two fact-checks and a pack. */
async function fill(db: ReaderClaimsDb) {
  const claim = await trackClaim(db, claimDraft(), ctx);
  await addSighting(db, sightingDraft(claim.id), ctx);
  const gone = await trackClaim(db, claimDraft({ statement: 'Deleted claim.' }), ctx);
  await deleteTrackedClaim(db, gone.id, ctx);
  await collectFactChecks(db, parseClaimReviews(claimReviewFixture('fullfact-like.json')).items, ctx);
  await importClaimsFile(db, readFileSync(BRIDGE_PACK, 'utf8'), ctx, 'bridge.json');
  return claim;
}

/** Everything in a store, rows as stored. */
const everything = async (db: ReaderClaimsDb) => ({
  claims: await db.claims.toArray(),
  sightings: await db.sightings.toArray(),
  factChecks: await db.factChecks.toArray(),
  packs: await db.packs.toArray(),
});

/** The notes' whole JSON export, as the options page makes it: the background's notes, then the claims. */
const exportFile = async (reader: ReaderClaimsDb, withNotes = notes) => (await exportWithClaims(JSON.stringify(exportJson(withNotes)), reader)).text;
/** The import, as the options page runs it: the notes go to the notes' own import. */
const importFile = (text: string, reader: ReaderClaimsDb) => importWithClaims(text, reader, (json) => importNotes(notesDb, json));

describe('the notes export with the reader’s claims', () => {
  it('carries the live claims, sightings, fact-checks and packs, and importing it restores them in another profile', async () => {
    await fill(here);
    const file = await exportFile(here);
    const parsed = JSON.parse(file);
    const carried = parsed[READER_CLAIMS_KEY];
    expect([carried.claims.length, carried.sightings.length, carried.factChecks.length, carried.packs.length]).toEqual([1, 1, 2, 1]);
    expect(parsed['@context']).toEqual(['http://www.w3.org/ns/anno.jsonld', { [READER_CLAIMS_KEY]: { '@id': 'urn:crosscheck:claims', '@type': '@json' } }]);

    const result = await importFile(file, there);
    expect(result).toEqual({ added: 2, updated: 0, unchanged: 0, total: 2, claims: { added: 5, updated: 0, unchanged: 0, total: 5 } });
    expect(await backupReaderClaims(there)).toEqual(await backupReaderClaims(here));
    expect(await importFile(file, there)).toMatchObject({ added: 0, claims: { added: 0, updated: 0, unchanged: 5 } });
  });

  it('never undoes an edit made since the export, and takes an edit newer than the stored claim', async () => {
    const claim = await fill(here);
    const old = await exportFile(here, []);
    clock = 2_000;
    await editTrackedClaim(here, { id: claim.id, statement: 'Edited since.' }, ctx);
    expect((await importFile(old, here)).claims).toMatchObject({ added: 0, updated: 0 });
    expect((await here.claims.get(claim.id))!.statement).toBe('Edited since.');

    const newer = await exportFile(here, []);
    await importFile(old, there);
    expect((await importFile(newer, there)).claims).toMatchObject({ updated: 1 });
    expect((await there.claims.get(claim.id))!.statement).toBe('Edited since.');
  });

  it('leaves the notes’ file as it was when the store is empty, and still imports an old file without claims', async () => {
    const notesOnly = JSON.stringify(exportJson(notes));
    expect(await exportWithClaims(notesOnly, here)).toEqual({ text: notesOnly, claims: 0 });
    expect(await importFile(notesOnly, there)).toEqual({ added: 2, updated: 0, unchanged: 0, total: 2 });
    expect(await everything(there)).toEqual({ claims: [], sightings: [], factChecks: [], packs: [] });
  });

  it('refuses a file whose claims are malformed, naming the items, and changes neither notes nor claims', async () => {
    await fill(here);
    await fill(there);
    const collection = JSON.parse(await exportFile(here));
    collection[READER_CLAIMS_KEY].claims[0].statement = '';
    collection[READER_CLAIMS_KEY].factChecks[1].url = 'javascript:alert(1)';
    const before = await everything(there);
    const error = await importFile(JSON.stringify(collection), there).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toMatch(/^Nothing was imported\. The file's claims cannot be restored: claims\[0\]\.statement: .*; factChecks\[1\]\.url: must be an absolute http\(s\) URL/);
    expect(await listAllNotes(notesDb)).toEqual([]);
    expect(await everything(there)).toEqual(before);
  });

  it('writes no claim when the notes are refused, and refuses a sighting whose claim is nowhere', async () => {
    await fill(here);
    const badNotes = JSON.parse(await exportFile(here));
    badNotes.first.items[0].target.source = 'javascript:alert(1)';
    await expect(importFile(JSON.stringify(badNotes), there)).rejects.toThrow(/^Nothing was imported\. item 1 /);
    expect(await everything(there)).toEqual({ claims: [], sightings: [], factChecks: [], packs: [] });

    const orphan = JSON.parse(await exportFile(here));
    orphan[READER_CLAIMS_KEY].claims = [];
    await expect(importFile(JSON.stringify(orphan), there)).rejects.toThrow(/a sighting belongs to the claim [0-9a-f-]+, which is neither in the file nor here/);
    expect(await listAllNotes(notesDb)).toEqual([]);
    expect(await everything(there)).toEqual({ claims: [], sightings: [], factChecks: [], packs: [] });
  });

  it('says so when the claims cannot be written after the notes were', async () => {
    await fill(here);
    const file = await exportFile(here);
    // The claims' database goes away between the check and the write.
    const importing = importWithClaims(file, there, async (json) => {
      const result = await importNotes(notesDb, json);
      there.close();
      return result;
    });
    await expect(importing).rejects.toThrow(new RegExp(`^${CLAIMS_NOT_RESTORED}: `));
    expect(await listAllNotes(notesDb)).toHaveLength(2);
  });
});
