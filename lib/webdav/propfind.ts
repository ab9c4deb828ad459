/**
 * Reads a PROPFIND multistatus answer: each member's name (the last segment of its href) and
 * ETag. A service worker has no DOMParser, and only these two properties matter, so this is a
 * small scanner over the XML rather than a parser: namespace prefixes vary by server (`D:`,
 * `d:`, none), and what it cannot read it leaves out. Linear in the answer, which the client has
 * already bounded in size.
 */

/** One member of a folder listing. */
export type DavEntry = { name: string; etag: string | null; collection: boolean };

const RESPONSE = /<(?:[\w.-]+:)?response[\s>][\s\S]*?<\/(?:[\w.-]+:)?response\s*>/g;
const tag = (name: string) => new RegExp(`<(?:[\\w.-]+:)?${name}(?:\\s[^>]*)?>([\\s\\S]*?)</(?:[\\w.-]+:)?${name}\\s*>`);
const HREF = tag('href');
const ETAG = tag('getetag');
const COLLECTION = /<(?:[\w.-]+:)?collection\s*\/?>/;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]!);

/** The members of a Depth: 1 listing, without the folder itself (whose href ends with `/`). */
export function parseListing(xml: string): DavEntry[] {
  const out: DavEntry[] = [];
  for (const [block] of xml.matchAll(RESPONSE)) {
    const href = HREF.exec(block)?.[1];
    if (!href) continue;
    let path: string;
    try {
      path = decodeURIComponent(unescapeXml(href.trim()));
    } catch {
      continue;
    }
    const collection = COLLECTION.test(block);
    const name = path.replace(/\/+$/, '').split('/').pop() ?? '';
    if (!name) continue;
    const etag = ETAG.exec(block)?.[1];
    out.push({ name, etag: etag ? unescapeXml(etag.trim()).replace(/^W\//, '') : null, collection });
  }
  return out;
}
