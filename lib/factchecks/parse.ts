import { errorMessage } from '../error-message';
import { ClaimReviewInputSchema } from './claim-review-input';
import { DEFAULT_WALK_LIMITS, findTypedNodes, type JsonLdNode, type WalkLimits } from './jsonld';
import type { FactCheck } from './schema';

/**
 * Reads every ClaimReview in parsed JSON-LD (one item, an array, a DataFeed, an `@graph`, or
 * nested in a page's JSON-LD) into FactChecks. Never throws: a bad item becomes a problem that
 * names it, and the good items are still returned, so a page offers what it can and an import
 * can refuse with every reason at once.
 */

/** Why an item (or the whole input, when `index` is null) could not be read. */
export interface ClaimReviewProblem {
  /** The item's place among the ClaimReviews found, from 0, in document order. */
  index: number | null;
  /** The item's own `url`, when it has one, to find it in the file (shortened, shown as text). */
  url: string | null;
  /** Every reason, by field: `reviewRating[0].ratingValue: Invalid input: expected number…`. */
  message: string;
}

/** What the parser found: the items it could read and the problems with the others. */
export interface ClaimReviewParse {
  items: FactCheck[];
  problems: ClaimReviewProblem[];
  /** How many ClaimReview nodes were found, read or not. */
  found: number;
}

const CLAIM_REVIEW = new Set(['ClaimReview']);

/** How a problem reads for the reader: `item 3 (https://…): url: must be an absolute http(s) URL`. */
export function describeProblem(problem: ClaimReviewProblem): string {
  if (problem.index === null) return problem.message;
  const where = problem.url === null ? '' : ` (${problem.url})`;
  return `item ${problem.index + 1}${where}: ${problem.message}`;
}

function urlOf(node: JsonLdNode): string | null {
  return typeof node.url === 'string' && node.url.trim() !== '' ? node.url.trim().slice(0, 200) : null;
}

/**
 * A field's place as written in the item: `reviewRating[1].ratingValue`, but `reviewRating.ratingValue`
 * when the item gave one rating rather than an array (the schema reads both as a list).
 */
function pathIn(item: unknown, path: readonly PropertyKey[]): string {
  let out = '';
  let node = item;
  for (const segment of path) {
    if (typeof segment === 'number') {
      if (!Array.isArray(node)) continue;
      out += `[${segment}]`;
      node = node[segment];
    } else {
      out += `${out ? '.' : ''}${String(segment)}`;
      node = typeof node === 'object' && node !== null ? (node as Record<PropertyKey, unknown>)[segment] : undefined;
    }
  }
  return out || '(item)';
}

function readItem(node: JsonLdNode, index: number): FactCheck | ClaimReviewProblem {
  try {
    const result = ClaimReviewInputSchema.safeParse(node);
    if (result.success) return result.data;
    const reasons = result.error.issues.map((issue) => `${pathIn(node, issue.path)}: ${issue.message}`);
    return { index, url: urlOf(node), message: reasons.join('; ') };
  } catch (e) {
    return { index, url: urlOf(node), message: `could not be read: ${errorMessage(e)}` };
  }
}

/** The walk to the ClaimReview nodes, and the reading of the nodes from `from` to `to`, into `into`. */
function walk(json: unknown, limits: WalkLimits, into: ClaimReviewParse): JsonLdNode[] {
  try {
    const found = findTypedNodes(json, CLAIM_REVIEW, limits);
    if (found.truncated) into.problems.push({ index: null, url: null, message: `Stopped reading the JSON-LD: ${found.truncated}` });
    into.found = found.nodes.length;
    return found.nodes;
  } catch (e) {
    into.problems.push({ index: null, url: null, message: `Could not read the JSON-LD: ${errorMessage(e)}` });
    return [];
  }
}
function readNodes(nodes: readonly JsonLdNode[], from: number, to: number, into: ClaimReviewParse): void {
  for (let index = from; index < to; index++) {
    const read = readItem(nodes[index]!, index);
    if ('message' in read) into.problems.push(read);
    else into.items.push(read);
  }
}

/**
 * Every ClaimReview in `json`, read; see the module's comment. `limits` bound the walk (a page's
 * JSON-LD by default; an imported feed may hold many more items).
 */
export function parseClaimReviews(json: unknown, limits: WalkLimits = DEFAULT_WALK_LIMITS): ClaimReviewParse {
  const out: ClaimReviewParse = { items: [], problems: [], found: 0 };
  const nodes = walk(json, limits, out);
  readNodes(nodes, 0, nodes.length, out);
  return out;
}

/** Items read between two pauses: about 60 ms of work, so a page reading a big feed stays responsive. */
const SLICE = 2_000;

/**
 * The same as `parseClaimReviews`, for a big file read where the reader is waiting: the items are
 * read a slice at a time, letting the page paint and answer between slices, and `onProgress` hears
 * how many of how many are read.
 */
export async function parseClaimReviewsInSlices(
  json: unknown,
  limits: WalkLimits,
  onProgress?: (done: number, total: number) => void,
): Promise<ClaimReviewParse> {
  const out: ClaimReviewParse = { items: [], problems: [], found: 0 };
  const nodes = walk(json, limits, out);
  for (let from = 0; from < nodes.length; from += SLICE) {
    if (from > 0) await new Promise((resolve) => setTimeout(resolve, 0));
    readNodes(nodes, from, Math.min(from + SLICE, nodes.length), out);
    onProgress?.(Math.min(from + SLICE, nodes.length), nodes.length);
  }
  return out;
}
