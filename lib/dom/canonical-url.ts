/**
 * The canonical form of a page's URL, the key notes are stored under, so that a note made on
 * `…/story?utm_source=twitter#comments` is found again on `…/story?fbclid=…`.
 */

/** Query parameters that only track the click, never change the page. Matched case-insensitively. */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid',
  'li_fat_id', 'mc_eid', 'mc_cid', 'igshid', 'igsh', '_ga', '_gl', '_hsenc', '_hsmi', 'mkt_tok',
  'oly_anon_id', 'oly_enc_id', 'rb_clickid', 's_cid', 'vero_id', 'vero_conv', 'wickedid', 'ncid',
  'cmpid', 'ocid', 'sr_share', 'smid', 'at_medium', 'at_campaign', 'spm', 'scid',
]);
/** Prefixes of families of tracking parameters (utm_source, utm_medium, …). */
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hsa_'];

/** True when the parameter only tracks the click. */
export function isTrackingParam(name: string): boolean {
  const key = name.toLowerCase();
  return TRACKING_PARAMS.has(key) || TRACKING_PREFIXES.some((p) => key.startsWith(p));
}

function parseHttp(href: string, base?: string): URL | undefined {
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Canonical URL of a page. Uses the page's `<link rel=canonical>` href only on the page's own
 * origin: a canonical link elsewhere would let a page file notes under another page, and learn
 * from the highlights painted which passages the reader noted there. Same origin, not "same
 * site": subdomains of substack.com or github.io belong to different people, and no bundled
 * public-suffix list knows every host that hands out subdomains (the cost: `m.` and `www.` copies
 * of an article keep separate notes). Then: tracking parameters and the fragment dropped, host
 * lower-cased, default port dropped, remaining parameters sorted by name (stable, so repeated
 * names keep their order). Throws a TypeError naming the URL when the page URL is not http(s).
 */
export function canonicalUrl(pageUrl: string, canonicalHref?: string | null): string {
  const page = parseHttp(pageUrl);
  if (!page) throw new TypeError(`Not an http(s) page URL: ${pageUrl}`);
  const linked = canonicalHref ? parseHttp(canonicalHref, page.href) : undefined;
  const url = linked?.origin === page.origin ? linked : page;
  const kept = [...url.searchParams].filter(([name]) => !isTrackingParam(name));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const out = new URL(url.href); // WHATWG URL already lower-cases the host and drops default ports
  out.hash = '';
  out.search = new URLSearchParams(kept).toString();
  return out.href;
}
