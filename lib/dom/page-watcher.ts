/** Attributes that change what is read: hiding, and opening a `<details>`. */
const READ_ATTRIBUTES = ['hidden', 'aria-hidden', 'open', 'style'];

/**
 * Watches the page's text: `records` gets every batch of mutations at once (to mark what changed,
 * cheaply), and `changed` is called back batched, at most once per `interval` ms and never more
 * than `interval` ms after a change, even on a page that changes its DOM without pause (late
 * article bodies, single-page apps, infinite scroll). Returns a function that stops watching.
 */
export function watchPage(
  root: Node,
  handlers: { records?: (records: MutationRecord[]) => void; changed: () => void },
  options: { interval?: number; ignore?: (node: Node) => boolean; setTimeout?: (run: () => void, ms: number) => unknown } = {},
): () => void {
  const interval = options.interval ?? 250;
  const schedule = options.setTimeout ?? setTimeout;
  let pending = false;
  const observer = new MutationObserver((all) => {
    const records = options.ignore ? all.filter((r) => !options.ignore!(r.target)) : all;
    if (records.length === 0) return;
    handlers.records?.(records);
    if (pending) return;
    pending = true;
    schedule(() => {
      pending = false;
      handlers.changed();
    }, interval);
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: READ_ATTRIBUTES });
  return () => observer.disconnect();
}
