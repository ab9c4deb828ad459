import { yieldThread } from '../yield';

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
    await yieldThread();
    this.reset();
  }
}
