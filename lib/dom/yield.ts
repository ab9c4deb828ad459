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

/**
 * Slices work: `pause()` yields to the page once `sliceMs` have passed since the slice began, and
 * starts a new slice. It reads the clock every few calls only: reading it is not free either.
 */
export class Slice {
  private end = 0;
  private calls = 0;
  /** `every`: read the clock on every `every`-th call only (for many small steps). */
  constructor(
    private readonly sliceMs = 8,
    private readonly every = 1,
  ) {
    this.reset();
  }
  reset(): void {
    this.end = performance.now() + this.sliceMs;
  }
  /** Yields to the page if the slice is used up, and starts a new one. */
  async pause(): Promise<void> {
    if (++this.calls % this.every !== 0 || performance.now() < this.end) return;
    await yieldToPage();
    this.reset();
  }
}
