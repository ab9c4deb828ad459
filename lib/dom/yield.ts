/**
 * Gives the page's main thread back for a moment, between slices of Crosscheck's work, so that
 * none of it makes a long task. `scheduler.yield()` where the browser has it; otherwise a message
 * to ourselves, which, unlike a timer, is not throttled in a background tab.
 */
export function yieldToPage(): Promise<void> {
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

/** A clock for slicing work: `due()` is true once `sliceMs` have passed since the last `reset()`. */
export class Slice {
  private end = 0;
  constructor(private readonly sliceMs = 8) {
    this.reset();
  }
  reset(): void {
    this.end = performance.now() + this.sliceMs;
  }
  /** Yields to the page if the slice is used up, and starts a new one. */
  async pause(): Promise<void> {
    if (performance.now() < this.end) return;
    await yieldToPage();
    this.reset();
  }
}
