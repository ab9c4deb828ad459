import type { ResolvedClaim } from '../../lib/claims/resolve';
import type { ClaimMatch } from '../../lib/matcher/schema';
import { ClaimRow } from './ClaimRow';

/** One claim found on the page: the database's view of it, and how the page states it. */
export type ClaimListItem = { claim: ResolvedClaim; match: ClaimMatch };

export type ClaimListProps = {
  items: ClaimListItem[];
  /** True while the page is still being read: shows a status line instead of the empty state. */
  loading?: boolean;
  /** "Show on page" on a row: the index of that row's item in `items` as passed. */
  onShow: (index: number) => void;
};

/**
 * The popup's list of claims on the active tab, in page order (by where the match starts; equal
 * starts keep the given order), each row expandable to the claim's sources. Indexes passed to
 * `onShow` are into `items` as given, so the caller never has to know how the list sorted them.
 */
export function ClaimList({ items, loading = false, onShow }: ClaimListProps) {
  if (loading) {
    return (
      <p class="cc-claim-list-status" role="status" aria-busy="true">
        Looking for claims on this page…
      </p>
    );
  }
  if (items.length === 0) {
    return (
      <p class="cc-claim-list-status cc-empty" role="status">
        No claims from Crosscheck's database on this page.
      </p>
    );
  }
  const ordered = items.map((item, index) => ({ item, index })).sort((a, b) => a.item.match.start - b.item.match.start);
  return (
    <ul class="cc-claim-list" aria-label={`Claims on this page (${items.length})`}>
      {ordered.map(({ item, index }) => (
        <ClaimRow
          key={`${item.match.claimId}-${item.match.start}-${index}`}
          claim={item.claim}
          match={item.match}
          onShow={() => onShow(index)}
        />
      ))}
    </ul>
  );
}
