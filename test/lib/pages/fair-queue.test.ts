import { describe, expect, it, vi } from 'vitest';
import { FairQueue } from '@/lib/pages/fair-queue';

/** A queue on a fake clock: each task takes `taskMs`; `pauses` counts the times it let others in. */
function fakeQueue(taskMs: number, sliceMs = 10) {
  let clock = 0;
  const log: string[] = [];
  const queue = new FairQueue(sliceMs, () => new Promise((r) => setTimeout(r, 0)), () => clock);
  const task = (name: string) => () => {
    clock += taskMs;
    log.push(name);
    return name;
  };
  return { queue, log, task };
}

describe('FairQueue', () => {
  it("runs one tab's tasks and another's in turn, so a backlog does not hold a new tab back", async () => {
    const { queue, log, task } = fakeQueue(5);
    const backlog = Array.from({ length: 40 }, (_, i) => queue.run('busy', false, task(`busy-${i}`)));
    await new Promise((r) => setTimeout(r, 0)); // the busy tab has started
    const other = [queue.run('reader', false, task('reader-0')), queue.run('reader', false, task('reader-1'))];
    await Promise.all([...backlog, ...other]);
    const firstOther = log.indexOf('reader-0');
    expect(firstOther).toBeGreaterThan(0);
    expect(firstOther).toBeLessThan(6);
    expect(log.indexOf('reader-1') - firstOther).toBeLessThanOrEqual(2);
  });

  it('runs work for idle time only when no tab has work waiting, after work that came later too', async () => {
    const { queue, log, task } = fakeQueue(5);
    const backlog = Array.from({ length: 6 }, (_, i) => queue.run('busy', false, task(`busy-${i}`)));
    const idle = [queue.whenIdle(task('idle-0')), queue.whenIdle(task('idle-1'))];
    await new Promise((r) => setTimeout(r, 0)); // the busy tab has started
    const later = [queue.run('reader', true, task('first-0')), queue.run('reader', false, task('reader-0'))];
    expect(await Promise.all(idle)).toEqual(['idle-0', 'idle-1']);
    await Promise.all([...backlog, ...later]);
    expect(log.slice(-2)).toEqual(['idle-0', 'idle-1']);
    expect(log).toHaveLength(10);
  });

  it('gives the thread back before each piece of work for idle time, so that requests coming in between are heard', async () => {
    const { queue } = fakeQueue(5);
    const order: string[] = [];
    const warming = (async () => {
      for (let i = 0; i < 3; i++) await queue.whenIdle(() => order.push(`idle-${i}`));
    })();
    expect(order).toEqual([]); // not in the caller's task
    setTimeout(() => order.push('request'), 0);
    await warming;
    expect(order.indexOf('request')).toBeLessThan(2);
  });

  it('runs work for idle time soon when nothing waits, and passes on what it throws', async () => {
    const { queue, log, task } = fakeQueue(5);
    await expect(queue.whenIdle(task('idle'))).resolves.toBe('idle');
    await expect(
      queue.whenIdle(() => {
        throw new Error('broken sample');
      }),
    ).rejects.toThrow('broken sample');
    expect(log).toEqual(['idle']);
  });

  it("runs a first screen's tasks before any other tab's backlog", async () => {
    const { queue, log, task } = fakeQueue(5);
    const backlog = Array.from({ length: 40 }, (_, i) => queue.run('busy', false, task(`busy-${i}`)));
    await new Promise((r) => setTimeout(r, 0));
    const first = Array.from({ length: 3 }, (_, i) => queue.run('reader', true, task(`first-${i}`)));
    await Promise.all([...backlog, ...first]);
    const at = log.indexOf('first-0');
    expect(log.slice(at, at + 3)).toEqual(['first-0', 'first-1', 'first-2']);
    expect(at).toBeLessThan(4);
  });

  it('gives each task its own result or error', async () => {
    const queue = new FairQueue();
    await expect(queue.run(1, false, () => 42)).resolves.toBe(42);
    await expect(
      queue.run(1, false, () => {
        throw new Error('bad unit');
      }),
    ).rejects.toThrow('bad unit');
    await expect(queue.run(2, true, () => 'still running')).resolves.toBe('still running');
  });

  it("between slices, lets a request that is waiting in (Chromium's scheduler.yield would resume ahead of it)", async () => {
    // As in Chromium: a yield resumes before every task already waiting.
    vi.stubGlobal('scheduler', { yield: () => Promise.resolve() });
    try {
      const queue = new FairQueue(10);
      const log: string[] = [];
      const busy = () => {
        const end = performance.now() + 2;
        while (performance.now() < end); // a unit of matching
        log.push('busy');
      };
      const backlog = Array.from({ length: 40 }, () => queue.run('busy', false, busy));
      // Another tab's request arrives as a task of its own while the backlog runs.
      const other = new Promise((done) => setTimeout(() => done(queue.run('reader', true, () => log.push('reader'))), 0));
      await Promise.all([...backlog, other]);
      expect(log.indexOf('reader')).toBeLessThan(20);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('gives the thread back without a timer, which browsers clamp to 4 ms once timers nest', async () => {
    vi.useFakeTimers(); // a timer-based pause would never resume: no fake time passes here
    try {
      let clock = 0;
      const queue = new FairQueue(10, undefined, () => clock);
      const tasks = Array.from({ length: 20 }, (_, i) => queue.run('tab', false, () => ((clock += 6), i)));
      expect(await Promise.all(tasks)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    } finally {
      vi.useRealTimers();
    }
  });
});
