import type { OfferedFactCheck } from '../../lib/claims/factcheck-offer';
import type { FactCheck } from '../../lib/factchecks/schema';
import { formatDay } from './labels';
import { VerdictBadge } from './VerdictBadge';
import { ActionStatus, type ActionOutcome } from '../common/ActionStatus';
import { ErrorMessage } from '../common/ErrorMessage';

export type FactCheckOfferProps = {
  items: readonly OfferedFactCheck[];
  /** Why some of the page's ClaimReview markup could not be read. */
  problems: readonly string[];
  busy: boolean;
  /** What the last add did, or why it failed. */
  status: ActionOutcome | null;
  onAdd: () => void;
};

const STATUS_TEXT = { new: null, added: 'Already added to your claims.', changed: 'Added before; this page has a newer version.' } as const;

/** "PolitiFact, 18 Nov 2026" (the host when the fact-checker gave no name). */
function checkedBy(f: FactCheck & { url: string }): string {
  const name = f.factChecker.name ?? new URL(f.url).hostname.replace(/^www\./, '');
  return f.datePublished ? `${name}, ${formatDay(f.datePublished)}` : name;
}

/** "Viral image, 16 Nov 2026", or null when the review names neither. */
function claimedBy(f: FactCheck): string | null {
  const parts = [f.claimant?.name, f.claimDate && formatDay(f.claimDate)].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : null;
}

/** Why the page's fact-check markup could not be read: the first three problems, and how many more. */
function unreadable(problems: readonly string[], someRead: boolean): string {
  const what = someRead ? 'Some of this page’s fact-check markup could not be read' : 'This page’s fact-check markup could not be read';
  const more = problems.length > 3 ? ` …and ${problems.length - 3} more` : '';
  return `${what}: ${problems.slice(0, 3).join('; ')}${more}`;
}

/** One review: the claim, who made it and when, the verdict in the fact-checker's words, who checked it. */
function OfferItem({ item }: { item: OfferedFactCheck }) {
  const f = item.factCheck;
  const label = f.ratings.find((r) => r.label)?.label;
  const claimant = claimedBy(f);
  return (
    <li data-testid="factcheck-offer-item">
      <p class="cc-factcheck__claim">“{f.claimReviewed}”</p>
      {claimant && <p class="cc-factcheck__line">Claimed by {claimant}</p>}
      <p class="cc-factcheck__line">
        <VerdictBadge verdict={f.verdict} />
        {label && ` “${label}”`} · checked by {checkedBy(f)}
      </p>
      {STATUS_TEXT[item.status] && <p class="cc-factcheck__status">{STATUS_TEXT[item.status]}</p>}
    </li>
  );
}

/**
 * The popup's *Add this fact-check*: the schema.org ClaimReviews the page carries, what each says,
 * whether the reader has it already, and one button that adds those that are new or changed.
 * Renders nothing when the page carries none.
 */
export function FactCheckOffer({ items, problems, busy, status, onAdd }: FactCheckOfferProps) {
  if (items.length === 0 && problems.length === 0) return null;
  const toAdd = items.filter((i) => i.status !== 'added').length;
  return (
    <section aria-labelledby="cc-factcheck-offer" data-testid="factcheck-offer">
      <h2 id="cc-factcheck-offer">{items.length > 1 ? `Fact-checks on this page (${items.length})` : 'Fact-check on this page'}</h2>
      {items.length > 0 && (
        <ul class="cc-factchecks">
          {items.map((item) => (
            <OfferItem key={item.id} item={item} />
          ))}
        </ul>
      )}
      {toAdd > 0 && (
        <button type="button" disabled={busy} onClick={onAdd}>
          {toAdd === 1 ? 'Add this fact-check' : `Add these ${toAdd} fact-checks`}
        </button>
      )}
      {problems.length > 0 && <ErrorMessage message={unreadable(problems, items.length > 0)} />}
      <ActionStatus outcome={status} testId="factcheck-offer-status" />
    </section>
  );
}
