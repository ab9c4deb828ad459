/**
 * Shares the background's one thread fairly between tabs. Work comes in small tasks (one unit of
 * page text each), queued per tab; the queue runs one task from each tab in turn, the tasks of a
 * first screen before any other, and gives the thread back between slices, so that requests from
 * other tabs are heard. So one tab's backlog (a huge page, a page that rewrites itself without
 * pause) never delays another tab's first paint by more than a task or two. Work of no tab's
 * (warming the matcher up) runs only when no tab's work waits.
 */
import { yieldToWaiting } from '../yield';

type Task = { run: () => void };
type Lane = { urgent: Task[]; normal: Task[] };

/** A task that settles its promise with what `work` returns or throws. */
function taskOf<T>(work: () => T, resolve: (value: T) => void, reject: (error: unknown) => void): Task {
  return {
    run: () => {
      try {
        resolve(work());
      } catch (error) {
        reject(error);
      }
    },
  };
}

export class FairQueue {
  private readonly lanes = new Map<string | number, Lane>();
  /** Tasks run only when no lane has any (see whenIdle). */
  private readonly idle: Task[] = [];
  private order: (string | number)[] = [];
  private turn = 0;
  private running = false;

  constructor(
    private readonly sliceMs = 10,
    private readonly pause: () => Promise<void> = yieldToWaiting,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Runs `work` in `lane`'s turn; `urgent` work (a first screen) goes before all other work. */
  run<T>(lane: string | number, urgent: boolean, work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let queue = this.lanes.get(lane);
      if (!queue) {
        queue = { urgent: [], normal: [] };
        this.lanes.set(lane, queue);
        this.order.push(lane);
      }
      (urgent ? queue.urgent : queue.normal).push(taskOf(work, resolve, reject));
      if (!this.running) void this.drain();
    });
  }

  /**
   * Runs `work` once no lane has work waiting, after all of it, however much more comes meanwhile;
   * never in the caller's task, so that work queued task after task for idle time still lets every
   * request waiting in between be heard first.
   */
  whenIdle<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.idle.push(taskOf(work, resolve, reject));
      void this.pause().then(() => {
        if (!this.running) void this.drain();
      });
    });
  }

  /** The next task: urgent ones first, then the next lane's in turn, then work for idle time. */
  private next(): Task | undefined {
    for (const kind of ['urgent', 'normal'] as const) {
      for (let i = 0; i < this.order.length; i++) {
        const at = (this.turn + i) % this.order.length;
        const lane = this.lanes.get(this.order[at]!)!;
        const task = lane[kind].shift();
        if (!task) continue;
        this.turn = at + 1;
        if (lane.urgent.length === 0 && lane.normal.length === 0) this.forget(at);
        return task;
      }
    }
    return this.idle.shift();
  }

  private forget(at: number): void {
    this.lanes.delete(this.order[at]!);
    this.order.splice(at, 1);
    if (this.turn > at) this.turn--;
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      for (;;) {
        const end = this.now() + this.sliceMs;
        let task = this.next();
        if (!task) return;
        while (task) {
          task.run();
          if (this.now() >= end) break;
          task = this.next();
        }
        await this.pause(); // let other tabs' requests in
      }
    } finally {
      this.running = false;
    }
  }
}
