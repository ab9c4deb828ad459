/**
 * Gives the thread back for a moment between slices of work, so that other work (a page's own
 * scripts, another tab's request to the background) gets in. `scheduler.yield()` where the browser
 * has it; otherwise a message to ourselves, which, unlike a timer, is neither clamped to 4 ms once
 * timers nest five deep (every slice after the fifth would wait) nor throttled in a background tab.
 */
export function yieldThread(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resume) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resume();
    };
    channel.port2.postMessage(null);
  });
}
