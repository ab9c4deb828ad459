import type { CollectedFactCheck, TrackedClaim } from '../../lib/claims/reader-schema';
import { CLAIM_TYPE_LABEL, formatDay, truncate } from './labels';
import { VerdictBadge } from './VerdictBadge';

/** "The Ledger, 17 Nov 2026" (the day left out when the page did not say). */
const outletAndDay = (name: string, day: string | null) => (day ? `${name}, ${formatDay(day)}` : name);

export type TrackedClaimItemProps = { claim: TrackedClaim; onEdit: () => void; onDelete: () => void };

/** A tracked claim in the options page's list: statement, type, where it was tracked, its words there. */
export function TrackedClaimItem({ claim, onEdit, onDelete }: TrackedClaimItemProps) {
  return (
    <article class="cc-reader-item" aria-label={truncate(claim.statement, 120)}>
      <p class="cc-factcheck__claim">{claim.statement}</p>
      <p class="cc-factcheck__line">
        <span class={`cc-type cc-type--${claim.type}`}>{CLAIM_TYPE_LABEL[claim.type]}</span> · tracked on{' '}
        <a href={claim.page.url} target="_blank" rel="noopener noreferrer">
          {outletAndDay(claim.page.outlet, claim.page.published)}
        </a>
      </p>
      <blockquote class="cc-reader-item__quote">{claim.quote.exact}</blockquote>
      <div class="cc-toolbar">
        <button type="button" onClick={onEdit}>
          Edit
        </button>
        <button type="button" onClick={onDelete}>
          Delete
        </button>
      </div>
    </article>
  );
}

export type FactCheckItemProps = { factCheck: CollectedFactCheck; onDelete: () => void };

/** A collected fact-check in the options page's list: the claim, its verdict, who checked it, a link. */
export function FactCheckItem({ factCheck: f, onDelete }: FactCheckItemProps) {
  const label = f.ratings.find((r) => r.label)?.label;
  const checker = f.factChecker.name ?? new URL(f.url).hostname.replace(/^www\./, '');
  return (
    <article class="cc-reader-item" aria-label={truncate(f.claimReviewed, 120)}>
      <p class="cc-factcheck__claim">“{f.claimReviewed}”</p>
      {f.claimant?.name && <p class="cc-factcheck__line">Claimed by {outletAndDay(f.claimant.name, f.claimDate)}</p>}
      <p class="cc-factcheck__line">
        <VerdictBadge verdict={f.verdict} />
        {label && ` “${label}”`} · checked by{' '}
        <a href={f.url} target="_blank" rel="noopener noreferrer">
          {outletAndDay(checker, f.datePublished)}
        </a>
      </p>
      <div class="cc-toolbar">
        <button type="button" onClick={onDelete}>
          Delete
        </button>
      </div>
    </article>
  );
}
