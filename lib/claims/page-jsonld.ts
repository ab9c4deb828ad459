import { canonicalUrl } from '../dom/canonical-url';
import { DEFAULT_WALK_LIMITS, findTypedNodes, MAX_PAGE_CLAIM_REVIEWS, type JsonLdNode } from '../factchecks/jsonld';

/**
 * A page's JSON-LD, read in the content script: the `<script type="application/ld+json">`
 * blocks, parsed, each on its own (a broken block does not hide the others), within fixed bounds
 * so a hostile page costs little. Plain DOM and JSON, no zod: the receiver validates what it is sent.
 */

/** Most blocks read, and the longest block read, in characters. */
export const MAX_JSONLD_BLOCKS = 20;
export const MAX_JSONLD_CHARS = 500_000;

/** The parsed JSON-LD blocks of a document, in document order; broken or over-long ones are skipped. */
export function readJsonLd(doc: Document): unknown[] {
  const blocks: unknown[] = [];
  for (const script of doc.querySelectorAll('script[type]')) {
    // `application/ld+json`, in any case, possibly with parameters (`; charset=utf-8`).
    if (script.getAttribute('type')?.split(';')[0]?.trim().toLowerCase() !== 'application/ld+json') continue;
    if (blocks.length >= MAX_JSONLD_BLOCKS) break;
    const text = script.textContent ?? '';
    if (text.length > MAX_JSONLD_CHARS) continue;
    try {
      blocks.push(JSON.parse(text));
    } catch {
      // A page's broken JSON-LD is the page's problem; the other blocks still count.
    }
  }
  return blocks;
}

/** The nodes of these types in the page's JSON-LD, in document order, at most `max`. */
export function findPageNodes(doc: Document, types: ReadonlySet<string>, max: number): JsonLdNode[] {
  return findTypedNodes(readJsonLd(doc), types, { ...DEFAULT_WALK_LIMITS, maxFound: max }).nodes;
}

const CLAIM_REVIEW = new Set(['ClaimReview']);

/**
 * The page's ClaimReview nodes as they are, for the popup's *Add this fact-check*. They are not
 * validated here (that would bring zod into the page): the receiver reads them with
 * `parseClaimReviews` (lib/factchecks/parse.ts), which treats them as the untrusted input they are.
 */
export function findClaimReviews(doc: Document): JsonLdNode[] {
  return findPageNodes(doc, CLAIM_REVIEW, MAX_PAGE_CLAIM_REVIEWS);
}

/**
 * What the popup's *Add this fact-check* asks the page for: its ClaimReview nodes, unparsed, and its
 * canonical URL (null when it has none), the review's address when a ClaimReview gives no `url`.
 */
export function pageClaimReviews(doc: Document, pageUrl: string): { url: string | null; reviews: JsonLdNode[] } {
  let url: string | null = null;
  try {
    url = canonicalUrl(pageUrl, doc.querySelector('link[rel~="canonical"]')?.getAttribute('href'));
  } catch {
    // Not an http(s) page: its reviews may still carry their own URLs.
  }
  return { url, reviews: findClaimReviews(doc) };
}
