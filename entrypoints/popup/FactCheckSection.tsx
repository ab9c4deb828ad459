import { useEffect, useState } from 'preact/hooks';
import { FactCheckOffer, type FactCheckOfferProps } from '@/components/claims/FactCheckOffer';
import { addOfferedFactChecks, offerFactChecks, type FactCheckOffer as Offer } from '@/lib/claims/factcheck-offer';
import { readerClaimsDb } from '@/lib/claims/reader-db';
import { errorMessage } from '@/lib/error-message';
import { pageClaimReviewsRoute } from '@/lib/factchecks/factcheck-content-routes';
import { callTab } from '@/lib/messaging/runtime';

const count = (n: number) => `${n} fact-check${n === 1 ? '' : 's'}`;

/**
 * *Add this fact-check*: asks the tab's page for its ClaimReview markup, shows what it says and
 * whether the reader has it, and adds it to the reader's store; the background then indexes it,
 * and news pages stating the claim show its verdict. Nothing shows on a page without such markup.
 */
export function FactCheckSection({ tabId }: { tabId: number }) {
  const db = readerClaimsDb();
  const [offer, setOffer] = useState<Offer | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<FactCheckOfferProps['status']>(null);
  const read = () =>
    callTab(tabId, pageClaimReviewsRoute, {})
      .then((page) => (page.reviews.length > 0 ? offerFactChecks(db, page.reviews, page.url) : null))
      // No content script (not a web page, or loaded before Crosscheck): nothing to offer.
      .then(setOffer, () => setOffer(null));
  useEffect(() => void read(), [tabId]);
  if (!offer) return null;

  const add = async () => {
    setBusy(true);
    setStatus(null);
    try {
      const r = await addOfferedFactChecks(db, offer.items, { now: Date.now });
      const what = [r.added && `added ${count(r.added)}`, r.updated && `updated ${count(r.updated)}`].filter(Boolean).join(', ');
      setStatus({ kind: 'ok', text: `${what ? what.charAt(0).toUpperCase() + what.slice(1) : 'Nothing new to add'}. News pages that state the claim now show the verdict.` });
      await read();
    } catch (e) {
      setStatus({ kind: 'error', text: `Nothing was added: ${errorMessage(e)}` });
    } finally {
      setBusy(false);
    }
  };
  return <FactCheckOffer items={offer.items} problems={offer.problems} busy={busy} status={status} onAdd={() => void add()} />;
}
