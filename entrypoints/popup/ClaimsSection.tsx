import { useEffect, useMemo, useState } from 'preact/hooks';
import { ClaimList } from '@/components/claims/ClaimList';
import { SiteToggle } from '@/components/claims/SiteToggle';
import { useClaims } from '@/components/claims/useClaims';
import { callTab } from '@/lib/messaging/runtime';
import { showClaimRoute } from '@/lib/pages/page-routes';
import type { TabState } from '@/lib/pages/page-schema';
import { isSiteEnabled, setSiteEnabled } from '@/lib/settings/site-settings';
import { SitePaintSection } from './SitePaintSection';
import { ErrorMessage } from '@/components/common/ErrorMessage';

export type ClaimsSectionProps = { tabId: number; state: TabState };

/** "12 claims on this page: 10 agree with the sources, 2 conflict." */
function summary(stances: string[]): string {
  const conflicts = stances.filter((s) => s === 'conflicts').length;
  const agree = stances.length - conflicts;
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  return `${n(stances.length, 'claim', 'claims')} on this page: ${agree} ${agree === 1 ? 'agrees' : 'agree'} with the sources, ${n(conflicts, 'conflicts', 'conflict')}.`;
}

/**
 * The claims found on the tab, in page order; "show on page" opens the claim's card there. The
 * site switch turns Crosscheck off (or on) for the page's site, at once, in every tab.
 */
export function ClaimsSection({ tabId, state }: ClaimsSectionProps) {
  const hostname = new URL(state.page.url).hostname;
  const [enabled, setEnabled] = useState<boolean | null>(null);
  useEffect(() => void isSiteEnabled(hostname).then(setEnabled), [hostname]);

  const resolved = useClaims(state.page.claims.map((match) => match.claimId));
  const { items, pageIndexes } = useMemo(() => {
    const known = state.page.claims.flatMap((match, pageIndex) => {
      const claim = resolved?.claims.get(match.claimId);
      return claim ? [{ item: { claim, match }, pageIndex }] : [];
    });
    return { items: known.map((k) => k.item), pageIndexes: known.map((k) => k.pageIndex) };
  }, [state, resolved]);

  const show = (index: number) =>
    void callTab(tabId, showClaimRoute, { index: pageIndexes[index]! }).then((shown) => shown && window.close());
  const toggle = (on: boolean) => {
    setEnabled(on);
    void setSiteEnabled(hostname, on);
  };

  return (
    <section aria-label="Claims on this page">
      {enabled !== null && <SiteToggle hostname={hostname} enabled={enabled} onChange={toggle} />}
      {enabled && <SitePaintSection hostname={hostname} />}
      {resolved?.error && <ErrorMessage message={resolved.error} announce={false} />}
      {enabled !== false && items.length > 0 && <p class="cc-muted">{summary(items.map((i) => i.match.stance))}</p>}
      {enabled !== false && <ClaimList items={items} onShow={show} />}
    </section>
  );
}
