/**
 * Names a place in a claim database the way a person looks for it: `assertions[12] (id "x").claimId`.
 * Shared by schema errors and integrity errors so that every message points at the entry and field.
 */
export function describePath(root: unknown, path: readonly PropertyKey[]): string {
  let out = '';
  let node: unknown = root;
  for (const segment of path) {
    node = isRecord(node) || Array.isArray(node) ? (node as Record<PropertyKey, unknown>)[segment] : undefined;
    if (typeof segment === 'number') {
      out += `[${segment}]${labelOf(node)}`;
    } else {
      out += `${out ? '.' : ''}${String(segment)}`;
    }
  }
  return out || '(root)';
}

/** ` (id "x")` for entries with an id, ` (key "y")` for facts, else nothing. */
function labelOf(node: unknown): string {
  if (!isRecord(node)) return '';
  if (typeof node.id === 'string') return ` (id ${JSON.stringify(node.id)})`;
  if (typeof node.key === 'string') return ` (key ${JSON.stringify(node.key)})`;
  return '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
