import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SightingSchema, TrackedClaimSchema, type Sighting, type TrackedClaim } from '@/lib/claims/reader-schema';
import { CLAIM_FORMAT, type ClaimEntry } from '@/lib/sync/claim-entry';
import { claimEntryOf, mergeClaimEntries } from '@/lib/sync/claim-merge';
import { claimDraft, sightingDraft } from '../claims/reader-fixtures';

/** The merge of tracked claims: last writer wins per claim and per sighting, the same whatever the order. */

const ID = '00000000-0000-4000-8000-000000000001';
const sid = (n: number) => `00000000-0000-4000-8000-1000000000${String(n).padStart(2, '0')}`;

const claim = (modified: number, statement = 'The bridge closed on Monday.', deleted = false): TrackedClaim =>
  TrackedClaimSchema.parse({ ...claimDraft({ statement }), id: ID, created: 1, modified, deleted });
const sighting = (n: number, modified: number, stance: 'agrees' | 'conflicts' | 'unknown' = 'unknown', deleted = false): Sighting =>
  SightingSchema.parse({ ...sightingDraft(ID), id: sid(n), stance, by: 'reader', created: 1, modified, deleted });
const live = (c: TrackedClaim, sightings: Sighting[] = []) => claimEntryOf(c, sightings);
const tomb = (m: number): ClaimEntry => ({ id: ID, m, claim: null, sightings: [] });
/** What the area would hold: the canonical form of an entry. */
const canon = (e: ClaimEntry) => JSON.stringify(CLAIM_FORMAT.toCompact(e));

describe('merging tracked claims', () => {
  it('keeps the later edit of the claim, from either side', () => {
    const older = live(claim(10, 'Old words.'));
    const newer = live(claim(20, 'New words.'));
    expect(mergeClaimEntries(older, newer).claim?.statement).toBe('New words.');
    expect(mergeClaimEntries(newer, older).claim?.statement).toBe('New words.');
  });

  it('picks the same side of two edits made at the same time, whichever is local', () => {
    const a = live(claim(10, 'Words on A.'));
    const b = live(claim(10, 'Words on B.'));
    expect(canon(mergeClaimEntries(a, b))).toBe(canon(mergeClaimEntries(b, a)));
  });

  it('deletes with a delete newer than every edit, and brings the claim back with an edit made after it', () => {
    const edited = live(claim(10), [sighting(1, 5)]);
    expect(canon(mergeClaimEntries(edited, tomb(11)))).toBe(canon(tomb(11)));
    expect(canon(mergeClaimEntries(tomb(11), edited))).toBe(canon(tomb(11)));
    expect(mergeClaimEntries(tomb(9), edited).claim?.modified).toBe(10);
    // A delete at the very time of an edit wins, on both sides.
    expect(mergeClaimEntries(edited, tomb(10)).claim).toBeNull();
    expect(mergeClaimEntries(tomb(10), edited).claim).toBeNull();
  });

  it('keeps every sighting of both sides, each at its later judgement', () => {
    const a = live(claim(10), [sighting(1, 5, 'agrees'), sighting(2, 8, 'unknown')]);
    const b = live(claim(10), [sighting(2, 9, 'conflicts'), sighting(3, 7)]);
    const merged = mergeClaimEntries(a, b);
    expect(merged.sightings.map((s) => [s.id, s.stance])).toEqual([[sid(1), 'agrees'], [sid(2), 'conflicts'], [sid(3), 'unknown']]);
    // A sighting deleted later ("Not this claim") stays deleted.
    expect(mergeClaimEntries(merged, live(claim(10), [sighting(1, 6, 'agrees', true)])).sightings[0]?.deleted).toBe(true);
  });

  it('is commutative, associative and idempotent', () => {
    const entry = fc.oneof(
      fc.integer({ min: 1, max: 6 }).map(tomb),
      fc
        .tuple(fc.integer({ min: 1, max: 6 }), fc.constantFrom('A.', 'B.'), fc.array(fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 4 }), fc.constantFrom('agrees' as const, 'conflicts' as const)), { maxLength: 3 }))
        .map(([m, words, ss]) => live(claim(m, words), ss.map(([n, at, stance]) => sighting(n, at, stance)))),
    );
    fc.assert(
      fc.property(entry, entry, entry, (a, b, c) => {
        expect(canon(mergeClaimEntries(a, b))).toBe(canon(mergeClaimEntries(b, a)));
        expect(canon(mergeClaimEntries(mergeClaimEntries(a, b), c))).toBe(canon(mergeClaimEntries(a, mergeClaimEntries(b, c))));
        expect(canon(mergeClaimEntries(a, a))).toBe(canon(a));
      }),
      { seed: 20_261_203, numRuns: 300 },
    );
  });

  it('reads back what it writes to the area, sightings in one order', () => {
    const entry = live(claim(10), [sighting(2, 8), sighting(1, 5)]);
    const [key, value] = Object.entries({ [`t:x`]: CLAIM_FORMAT.toCompact(entry) })[0]!;
    expect(key).toBe('t:x');
    const back = CLAIM_FORMAT.fromCompact(ID, JSON.parse(JSON.stringify(value)));
    expect(back).toEqual(entry);
    expect(canon(back)).toBe(canon(entry));
    expect(CLAIM_FORMAT.fromCompact(ID, CLAIM_FORMAT.toCompact(tomb(12)))).toEqual(tomb(12));
  });
});
