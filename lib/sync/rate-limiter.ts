/**
 * Keeps sync's writes under the browser's write-rate limits (Chrome: 120 a minute, 1800 an hour),
 * with a margin for the extension's other writes to `storage.sync` (settings). Each `set` or
 * `remove` call is one operation, however many items it holds.
 */

const MINUTE = 60_000;
const HOUR = 3_600_000;

/** Sliding windows over the times of past write operations. */
export class RateLimiter {
  private times: number[] = [];

  /** `perMinute` and `perHour` are this limiter's own ceilings (below the browser's). */
  constructor(
    private readonly perMinute: number,
    private readonly perHour: number,
  ) {}

  /** Milliseconds to wait from `now` before `ops` more operations fit both windows (0: now). */
  delayFor(ops: number, now: number): number {
    this.times = this.times.filter((t) => t > now - HOUR);
    const waitFor = (windowMs: number, limit: number) => {
      const inWindow = this.times.filter((t) => t > now - windowMs);
      const excess = inWindow.length + ops - limit;
      if (excess <= 0) return 0;
      // The window frees up when its oldest `excess` operations age out.
      return inWindow[excess - 1]! + windowMs - now;
    };
    return Math.max(waitFor(MINUTE, this.perMinute), waitFor(HOUR, this.perHour));
  }

  /** Records `ops` operations made at `now`. */
  record(ops: number, now: number): void {
    for (let i = 0; i < ops; i++) this.times.push(now);
  }
}
