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

/** Second-level labels under which a country code holds registrable names (bbc.co.uk, abc.net.au). */
const SHARED_SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'ac', 'gov', 'edu', 'ne', 'or', 'go']);

/** True when the parameter only tracks the click. */
export function isTrackingParam(name: string): boolean {
  const key = name.toLowerCase();
  return TRACKING_PARAMS.has(key) || TRACKING_PREFIXES.some((p) => key.startsWith(p));
}

/**
 * The registrable domain, approximately (no public suffix list is bundled): the last two labels, or
 * three under a country code's shared second level (`news.bbc.co.uk` → `bbc.co.uk`).
 */
export function siteKey(hostname: string): string {
  const labels = hostname.toLowerCase().replace(/\.$/, '').split('.');
  if (/^[\d.]+$/.test(hostname) || hostname.includes(':') || labels.length <= 2) return labels.join('.');
  const tld = labels.at(-1) ?? '';
  const second = labels.at(-2) ?? '';
  const keep = tld.length === 2 && SHARED_SECOND_LEVEL.has(second) ? 3 : 2;
  return labels.slice(-keep).join('.');
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
 * Canonical URL of a page. Uses the page's `<link rel=canonical>` href when it is http(s) and on
 * the same site (a canonical link pointing elsewhere is not trusted: a page must not be able to
 * file the reader's notes under another site). Then: tracking parameters and the fragment dropped,
 * host lower-cased, default port dropped, remaining parameters sorted by name (stable, so repeated
 * names keep their order). Throws a TypeError naming the URL when the page URL is not http(s).
 */
export function canonicalUrl(pageUrl: string, canonicalHref?: string | null): string {
  const page = parseHttp(pageUrl);
  if (!page) throw new TypeError(`Not an http(s) page URL: ${pageUrl}`);
  const linked = canonicalHref ? parseHttp(canonicalHref, page.href) : undefined;
  const url = linked && siteKey(linked.hostname) === siteKey(page.hostname) ? linked : page;
  const kept = [...url.searchParams].filter(([name]) => !isTrackingParam(name));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const out = new URL(url.href); // WHATWG URL already lower-cases the host and drops default ports
  out.hash = '';
  out.search = new URLSearchParams(kept).toString();
  return out.href;
}
