/**
 * Finding typed nodes (ClaimReview, NewsArticle…) in JSON-LD however it is laid out: one node, an
 * array, an `@graph`, a `DataFeed` whose `dataFeedElement`s hold them (directly or as a
 * `DataFeedItem`'s `item`), or nested anywhere inside another node (a page's `mainEntity`).
 * Plain TypeScript without zod, so the content script can use it. The walk is iterative and
 * bounded, so hostile JSON (very deep, very wide) costs a fixed amount of work and never overflows
 * the stack.
 */

/** A JSON-LD node: an object with string keys. */
export type JsonLdNode = Record<string, unknown>;

/** How far the walk goes: nesting depth, values visited, nodes returned. */
export interface WalkLimits {
  maxDepth: number;
  maxVisited: number;
  maxFound: number;
}

export const DEFAULT_WALK_LIMITS: WalkLimits = { maxDepth: 32, maxVisited: 100_000, maxFound: 1_000 };

/** Most ClaimReview nodes handed on from one page (the content script reads them, the popup parses them). */
export const MAX_PAGE_CLAIM_REVIEWS = 50;

/** The nodes found, in document order, and why the walk stopped early, if it did. */
export interface WalkResult {
  nodes: JsonLdNode[];
  /** Set when a limit cut the walk short: what was not read. */
  truncated: string | null;
}

function isNode(value: unknown): value is JsonLdNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Longest type name read (an IRI); longer ones are no type we look for. */
const MAX_TYPE = 200;

/**
 * A node's types as bare names: `"ClaimReview"`, `["ClaimReview", "Review"]`,
 * `"https://schema.org/ClaimReview"` and `"schema:ClaimReview"` all give `ClaimReview`.
 */
export function typesOf(node: JsonLdNode): string[] {
  const raw = node['@type'] ?? node.type;
  const list = Array.isArray(raw) ? raw : [raw];
  return list
    .filter((t): t is string => typeof t === 'string' && t.length <= MAX_TYPE)
    .map((t) => t.slice(Math.max(t.lastIndexOf('/'), t.lastIndexOf('#'), t.lastIndexOf(':')) + 1).trim());
}

/**
 * Every node whose `@type` names one of `types`, in document order. A found node is not searched
 * further (a ClaimReview holds no other ClaimReview).
 */
export function findTypedNodes(
  root: unknown,
  types: ReadonlySet<string>,
  limits: WalkLimits = DEFAULT_WALK_LIMITS,
): WalkResult {
  const nodes: JsonLdNode[] = [];
  const stack: [unknown, number][] = [[root, 0]];
  let visited = 0;
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (++visited > limits.maxVisited) return { nodes, truncated: `more than ${limits.maxVisited} values` };
    if (depth > limits.maxDepth) return { nodes, truncated: `nested deeper than ${limits.maxDepth} levels` };
    if (isNode(value) && typesOf(value).some((t) => types.has(t))) {
      if (nodes.push(value) > limits.maxFound) return { nodes: nodes.slice(0, -1), truncated: `more than ${limits.maxFound} items` };
      continue;
    }
    // Pushed in reverse so that they are popped, and found, in document order.
    const children = Array.isArray(value) ? value : Object.values(value);
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], depth + 1]);
  }
  return { nodes, truncated: null };
}
