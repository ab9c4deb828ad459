import { useEffect, useState } from 'preact/hooks';
import { getBundledClaims } from '@/lib/claims/bundled';
import { READER_PREFIX } from '@/lib/claims/reader-ids';
import type { ResolvedClaim } from '@/lib/claims/resolve';
import { errorMessage } from '@/lib/error-message';
import { call } from '@/lib/messaging/runtime';
import { getClaimsRoute } from '@/lib/pages/extension-routes';

export type Claims = { claims: ReadonlyMap<string, ResolvedClaim>; error: string | null };

/**
 * The claims of these ids, resolved for display. Bundled claims are at hand at once; the reader's
 * own (ids under `reader-`) are asked of the background, which matches with them, so the card shows
 * what was matched. Null while the reader's are on their way.
 */
export function useClaims(ids: readonly string[]): Claims | null {
  const key = [...new Set(ids)].sort().join('\n');
  const [asked, setAsked] = useState<{ key: string; claims: Claims } | null>(null);
  const bundled = getBundledClaims();
  const reader = key ? key.split('\n').filter((id) => id.startsWith(READER_PREFIX)) : [];

  useEffect(() => {
    if (reader.length === 0) return;
    let live = true;
    call(getClaimsRoute, { ids: reader }).then(
      (found) => live && setAsked({ key, claims: { claims: new Map([...bundled, ...found.map((c) => [c.id, c] as const)]), error: null } }),
      (error: unknown) => live && setAsked({ key, claims: { claims: bundled, error: `Your own claims could not be read: ${errorMessage(error)}` } }),
    );
    return () => void (live = false);
  }, [key]);

  if (reader.length === 0) return { claims: bundled, error: null };
  return asked?.key === key ? asked.claims : null;
}
