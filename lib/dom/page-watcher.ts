/**
 * Calls back when the page's text may have changed (late article bodies, single-page apps,
 * infinite scroll), batched: at most once per `interval` ms, and never more than `interval` ms
 * after a change, even on a page that changes its DOM without pause.
 */
export function watchPage(
  root: Node,
  onChange: () => void,
  options: {
    interval?: number;
    ignore?: (node: Node) => boolean;
    setTimeout?: (run: () => void, ms: number) => unknown;
  } = {},
): () => void {
  const interval = options.interval ?? 250;
  const schedule = options.setTimeout ?? setTimeout;
  let pending = false;
  const observer = new MutationObserver((records) => {
    if (pending) return;
    if (options.ignore && records.every((r) => options.ignore!(r.target))) return;
    pending = true;
    schedule(() => {
      pending = false;
      onChange();
    }, interval);
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  return () => observer.disconnect();
}
