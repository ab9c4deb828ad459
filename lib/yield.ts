/**
 * Giving the thread back between slices of work, two ways. A page keeps its place: `yieldThread`
 * lets input and rendering in and resumes ahead of other tasks. The background gives its place up:
 * `yieldToWaiting` resumes only after every task already waiting (another tab's request), which is
 * what sharing the thread fairly needs; `scheduler.yield()` would resume first, so the background
 * would hear no request until its whole backlog was done.
 */

/** `scheduler.yield()` where the browser has it; otherwise a message to ourselves (see yieldToWaiting). */
export function yieldThread(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return yieldToWaiting();
}

/**
 * Resumes in a task queued behind those already waiting: a message to ourselves, which, unlike a
 * timer, is neither clamped to 4 ms once timers nest five deep nor throttled in a background tab.
 */
export function yieldToWaiting(): Promise<void> {
  return new Promise((resume) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resume();
    };
    channel.port2.postMessage(null);
  });
}
