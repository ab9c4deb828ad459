import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TrackedClaimSchema } from '@/lib/claims/reader-schema';
import { CLAIM_FORMAT, CLAIM_KEYS } from '@/lib/sync/claim-entry';
import { claimEntryOf } from '@/lib/sync/claim-merge';
import { encodeItems } from '@/lib/sync/item-format';
import { headKeyIn } from '@/lib/sync/keys';
import { BROWSERS, type Driver, type DriverPage } from '../support/driver';
import { highlightTexts } from '../support/highlights';
import { panelShowing } from '../support/panel';
import { showSelectionButton } from '../support/selection';
import { serveFolder, type StaticServer } from '../support/static-server';
import { setSync, syncItems } from '../support/sync-area';
import { GAZETTE_WORDS, TRACKED_SENTENCE } from '../support/tracked-fixture';
import { waitFor } from '../support/wait';

// Tracked claims through storage.sync, in each browser, as two computers of one profile: a claim
// tracked on "the other computer" (written into storage.sync in the engine's own encoding) is
// merged here and painted on another outlet's page that states it, without reload; the sighting
// recorded here goes back into storage.sync with the claim; the other computer's delete unpaints
// it; and a claim tracked here with the ◎ button is written to storage.sync.

let server: StaticServer;
beforeAll(async () => {
  server = await serveFolder();
});
afterAll(() => server?.close());

const claimsPainted = async (page: DriverPage) => [
  ...(await page.evaluate(highlightTexts, 'crosscheck-claim')),
  ...(await page.evaluate(highlightTexts, 'crosscheck-conflict')),
];

/** The claim tracked on track-ledger.html, as the other computer's store holds it. */
function remoteClaim(origin: string) {
  const now = Date.now();
  return TrackedClaimSchema.parse({
    id: crypto.randomUUID(),
    statement: TRACKED_SENTENCE,
    type: 'reported-fact',
    page: { url: `${origin}/track-ledger.html`, outlet: 'Eastport Ledger', title: 'Harbour bridge closed', author: null, published: '2026-11-16' },
    quote: { type: 'TextQuoteSelector', exact: TRACKED_SENTENCE, prefix: '', suffix: '' },
    created: now,
    modified: now,
  });
}

/** The claims' records in storage.sync: key → record. */
const claimRecords = async (page: DriverPage) =>
  Object.entries(await syncItems(page)).filter(([k]) => k.startsWith(CLAIM_KEYS.head)) as [string, { c?: { statement: string }; s?: { page: { outlet: string } }[]; x?: number }][];

describe.each(BROWSERS)('%s: tracked claims sync through storage.sync', (_name, launch) => {
  let driver: Driver;
  beforeAll(async () => {
    driver = await launch();
  });
  afterAll(() => driver?.close());

  it('paints a claim tracked on the other computer, sends back the sighting made here, and unpaints it when deleted there', async () => {
    const options = await driver.open('options.html');
    const claim = remoteClaim(server.origin);
    const key = headKeyIn(CLAIM_KEYS, claim.id);
    await setSync(options, encodeItems(CLAIM_FORMAT, claimEntryOf(claim, [])));

    const gazette = await driver.newPage();
    await gazette.goto(`${server.origin}/track-gazette.html`);
    await waitFor('the other computer’s claim painted in the other outlet’s words', async () => ((await claimsPainted(gazette)).includes(GAZETTE_WORDS) ? true : undefined));
    // The page is a sighting, recorded here and synced back with its claim.
    await waitFor('the sighting in storage.sync', async () => {
      const record = (await claimRecords(options)).find(([k]) => k === key)?.[1];
      return record?.s?.some((s) => s.page.outlet.includes('Coastal Gazette')) ? true : undefined;
    });

    // Deleted on the other computer: a tombstone newer than the claim.
    await setSync(options, { [key]: { x: Date.now() } });
    await waitFor('the deleted claim unpainted', async () => ((await claimsPainted(gazette)).length === 0 ? true : undefined));
    expect((await claimRecords(options)).find(([k]) => k === key)?.[1]).toEqual({ x: expect.any(Number) });
    expect(gazette.errors).toEqual([]);
    await gazette.close();
  });

  it('writes a claim tracked here to storage.sync', async () => {
    const ledger = await driver.newPage();
    await ledger.goto(`${server.origin}/track-ledger.html`);
    const at = await showSelectionButton(ledger, TRACKED_SENTENCE, 'crosscheck-track-button');
    await ledger.click(at.x, at.y);
    await panelShowing(ledger, 'Tracked claim');
    const options = await driver.open('options.html');
    await waitFor('the claim tracked here in storage.sync', async () => ((await claimRecords(options)).some(([, r]) => r.c?.statement === TRACKED_SENTENCE) ? true : undefined));
    await options.waitForText('Last synced');
    expect(await options.evaluate(() => document.body.innerText)).not.toContain('Browser sync storage is full');
    await ledger.close();
  });
});
