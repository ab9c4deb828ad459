import { describe, expect, it } from 'vitest';
import { RateLimiter } from '@/lib/sync/rate-limiter';

describe('RateLimiter', () => {
  it('waits until the minute window has room', () => {
    const r = new RateLimiter(3, 100);
    r.record(2, 0);
    r.record(1, 10_000);
    expect(r.delayFor(1, 20_000)).toBe(40_000); // the first two age out at 60 s
    expect(r.delayFor(1, 60_001)).toBe(0);
  });

  it('waits until the hour window has room', () => {
    const r = new RateLimiter(1_000, 5);
    for (let t = 0; t < 5; t++) r.record(1, t * 61_000);
    expect(r.delayFor(1, 300_000)).toBe(3_600_000 - 300_000);
  });
});
