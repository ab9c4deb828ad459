import { afterEach, describe, expect, it, vi } from 'vitest';
import { Lifetime } from '@/lib/annotator/lifetime';

afterEach(() => vi.useRealTimers());

describe('Lifetime', () => {
  it('runs a timer once, and never after it ended', () => {
    vi.useFakeTimers();
    const lifetime = new Lifetime();
    const ran: string[] = [];
    lifetime.setTimeout(() => ran.push('first'), 10);
    lifetime.setTimeout(() => ran.push('second'), 30);
    vi.advanceTimersByTime(20);
    lifetime.end();
    vi.advanceTimersByTime(20);
    expect(ran).toEqual(['first']);
  });

  it('keeps nothing of a timer that ran: a page that changes all day grows no list of timers to cancel', () => {
    vi.useFakeTimers();
    const lifetime = new Lifetime();
    for (let i = 0; i < 1000; i++) lifetime.setTimeout(() => undefined, 1);
    vi.advanceTimersByTime(10);
    const cleared = vi.spyOn(globalThis, 'clearTimeout');
    lifetime.end();
    expect(cleared).not.toHaveBeenCalled();
  });
});
