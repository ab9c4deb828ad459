import { describe, expect, it } from 'vitest';
import { readerIds } from '@/lib/claims/reader-ids';
import { addSighting, deleteSighting, deleteTrackedClaim, listSightings, trackClaim } from '@/lib/claims/reader-store';
import { SightingRecorder, type PageWords, type SeenMatch } from '@/lib/claims/sighting-recorder';
import { claimDraft, pageSource, sightingDraft } from './reader-fixtures';
import { useReaderDb } from './reader-test-db';

const t = useReaderDb();
const GAZETTE = sightingDraft('00000000-0000-4000-8000-000000000000').page;
const WORDS = 'Eastport’s harbour bridge was shut on Monday after inspectors found a crack.';
const quote = { type: 'TextQuoteSelector', exact: WORDS, prefix: 'EASTPORT — ', suffix: '' };

/** A recorder whose tab answers with `page` and the words of every claim it is asked about; it counts the questions. */
function recorder(page: unknown = GAZETTE, fail = false) {
  const asked: string[][] = [];
  const ask = async (_tab: number, claimIds: string[]): Promise<PageWords> => {
    asked.push(claimIds);
    if (fail) throw new Error('The tab closed');
    return { page, found: claimIds.map((claimId) => ({ claimId, quote, position: { type: 'TextPositionSelector', start: 40, end: 40 + WORDS.length } })) };
  };
  return { asked, recorder: new SightingRecorder({ db: () => t.db, ctx: t.ctx, ask }) };
}

const agrees = (id: string): SeenMatch => ({ claimId: readerIds.claim(id), stance: 'corroborates' });

describe('sightings of tracked claims', () => {
  it('records a page stating a tracked claim once, with its source, its own words and the matcher’s stance', async () => {
    const claim = await trackClaim(t.db, claimDraft(), t.ctx);
    const { recorder: r, asked } = recorder();
    expect(await r.seen(4, `${GAZETTE.url}?utm_source=x`, [agrees(claim.id), agrees(claim.id), { claimId: 'bundled-claim', stance: 'corroborates' }])).toBe(1);
    expect(asked).toEqual([[readerIds.claim(claim.id)]]);
    const [sighting, ...more] = await listSightings(t.db, claim.id);
    expect(more).toEqual([]);
    expect(sighting).toMatchObject({ claimId: claim.id, page: GAZETTE, quote, position: { start: 40 }, stance: 'agrees', differs: [], by: 'crosscheck' });

    // The page reports again at every rescan: not asked again; a restarted worker asks, and records nothing twice.
    expect(await r.seen(4, `${GAZETTE.url}?utm_source=x`, [agrees(claim.id)])).toBe(0);
    expect(asked).toHaveLength(1);
    const restarted = recorder();
    expect(await restarted.recorder.seen(9, GAZETTE.url, [agrees(claim.id)])).toBe(0);
    expect(await listSightings(t.db, claim.id)).toHaveLength(1);
  });

  it('takes a conflict’s differences as the proposal, with the fact’s kind where the claim has the fact', async () => {
    const fact = { key: 'crack-length-cm', kind: 'number' as const, value: 30, text: '30-centimetre' };
    const claim = await trackClaim(t.db, claimDraft({ facts: [fact] }), t.ctx);
    const conflict: SeenMatch = {
      claimId: readerIds.claim(claim.id),
      stance: 'conflicts',
      differs: [
        { what: 'crack-length-cm', expected: '30-centimetre', found: '20 centimetres' },
        { what: 'date', expected: 'Monday', found: 'Tuesday' },
      ],
    };
    expect(await recorder().recorder.seen(4, GAZETTE.url, [conflict])).toBe(1);
    const [sighting] = await listSightings(t.db, claim.id);
    expect(sighting).toMatchObject({ stance: 'conflicts', by: 'crosscheck' });
    expect(sighting!.differs).toEqual([
      { aspect: 'number', what: 'crack-length-cm', from: '30-centimetre', to: '20 centimetres', fact: 'crack-length-cm' },
      { aspect: 'detail', what: 'date', from: 'Monday', to: 'Tuesday' },
    ]);
  });

  it('records nothing on the claim’s own page, for a deleted claim, or where the reader deleted the sighting', async () => {
    const claim = await trackClaim(t.db, claimDraft(), t.ctx);
    expect(await recorder(pageSource()).recorder.seen(4, pageSource().url, [agrees(claim.id)])).toBe(0);

    const rejected = await addSighting(t.db, sightingDraft(claim.id), t.ctx);
    await deleteSighting(t.db, rejected.id, t.ctx);
    expect(await recorder().recorder.seen(4, GAZETTE.url, [agrees(claim.id)])).toBe(0);

    const gone = await trackClaim(t.db, claimDraft(), t.ctx);
    await deleteTrackedClaim(t.db, gone.id, t.ctx);
    expect(await recorder().recorder.seen(4, GAZETTE.url, [agrees(gone.id)])).toBe(0);
    expect(await t.db.sightings.count()).toBe(1);
  });

  it('takes no page source from another origin, nor a malformed one', async () => {
    const claim = await trackClaim(t.db, claimDraft(), t.ctx);
    expect(await recorder({ ...GAZETTE, url: 'https://elsewhere.example/story' }).recorder.seen(4, GAZETTE.url, [agrees(claim.id)])).toBe(0);
    expect(await recorder({ ...GAZETTE, outlet: '' }).recorder.seen(4, GAZETTE.url, [agrees(claim.id)])).toBe(0);
    expect(await t.db.sightings.count()).toBe(0);
  });

  it('asks again at the next report when the tab could not answer', async () => {
    const claim = await trackClaim(t.db, claimDraft(), t.ctx);
    const failing = recorder(GAZETTE, true);
    expect(await failing.recorder.seen(4, GAZETTE.url, [agrees(claim.id)])).toBe(0);
    expect(await failing.recorder.seen(4, GAZETTE.url, [agrees(claim.id)])).toBe(0);
    expect(failing.asked).toHaveLength(2);
  });
});
