/**
 * Which main-thread tasks Crosscheck makes long. A trace gives every task on the page's renderer
 * main thread; the V8 sampling profiler, on the same clock, says which samples ran Crosscheck's
 * code (a frame from its chrome-extension:// scripts, and the native work that code called). A task
 * is Crosscheck's long task when it lasts over 50 ms and would not without Crosscheck's share.
 */
import type { CDPSession } from 'playwright-core';

export type TraceEvent = { name: string; ph: string; ts: number; dur?: number; tdur?: number; pid: number; tid: number; args?: { name?: string; data?: { url?: string } } };
type ProfileNode = { id: number; callFrame: { url: string; functionName: string; lineNumber: number; columnNumber: number }; children?: number[] };
export type Profile = { nodes: ProfileNode[]; startTime: number; samples: number[]; timeDeltas: number[] };

export type TaskFigures = {
  /** Crosscheck's sampled main-thread time over the whole recording. */
  crosscheckMs: number;
  /** The most Crosscheck ran in one task. */
  longestShareMs: number;
  /** Tasks over 50 ms that would be under 50 ms without Crosscheck's share. */
  longTasks: number;
  /** The longest task in which Crosscheck ran at all, and Crosscheck's share of it. */
  longestTask: { ms: number; crosscheckMs: number };
  /** Where Crosscheck spent the task it ran longest in: its functions with the most samples. */
  longestShareWhere: string[];
};

/** Starts recording a trace and a CPU profile (sampled every 200 µs) in this tab. */
export async function startRecording(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReturnAsStream' });
}

/** Ends the trace being recorded and reads its events. */
export async function readTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const complete = new Promise<{ stream?: string }>((done) => cdp.once('Tracing.tracingComplete', done));
  await cdp.send('Tracing.end');
  const { stream } = await complete;
  let data = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream! });
    data += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream! });
  const parsed = JSON.parse(data) as TraceEvent[] | { traceEvents: TraceEvent[] };
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

/** Sample intervals (start, length in µs, leaf function) whose stack runs code from `origin`. */
function samplesOf(profile: Profile, origin: string): [number, number, string][] {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const ours = new Map<number, boolean>();
  const isOurs = (id: number): boolean => {
    if (ours.has(id)) return ours.get(id)!;
    const node = byId.get(id)!;
    const up = parent.get(id);
    const result = node.callFrame.url.startsWith(origin) || (up !== undefined && isOurs(up));
    ours.set(id, result);
    return result;
  };
  const out: [number, number, string][] = [];
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i]!;
    const length = profile.timeDeltas[i + 1] ?? 0;
    const { functionName, url, lineNumber, columnNumber } = byId.get(profile.samples[i]!)!.callFrame;
    const where = `${functionName || '(anonymous)'}${url ? ` ${url.split('/').pop()}:${lineNumber + 1}:${columnNumber + 1}` : ''}`;
    if (isOurs(profile.samples[i]!)) out.push([t, length, where]);
  }
  return out;
}

/** Stops recording and works out Crosscheck's tasks (see TaskFigures). */
export async function stopRecording(cdp: CDPSession, extensionOrigin: string): Promise<TaskFigures> {
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  const events = await readTrace(cdp);
  const samples = samplesOf(profile, extensionOrigin);
  // The page's main thread: where the content script was evaluated.
  const script = events.find((e) => e.name === 'EvaluateScript' && e.args?.data?.url?.startsWith(extensionOrigin));
  const main = script ?? events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && main && e.pid === main.pid && e.tid === main.tid);
  const figures: TaskFigures = { crosscheckMs: 0, longestShareMs: 0, longTasks: 0, longestTask: { ms: 0, crosscheckMs: 0 }, longestShareWhere: [] };
  for (const [, length] of samples) figures.crosscheckMs += length / 1000;
  const firstAtOrAfter = (t: number) => {
    let lo = 0;
    let hi = samples.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (samples[mid]![0] < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    let share = 0;
    const where = new Map<string, number>();
    for (let i = firstAtOrAfter(task.ts); i < samples.length && samples[i]![0] < end; i++) {
      share += samples[i]![1];
      where.set(samples[i]![2], (where.get(samples[i]![2]) ?? 0) + samples[i]![1]);
    }
    const ms = (task.dur ?? 0) / 1000;
    share /= 1000;
    if (share === 0) continue;
    if (share > figures.longestShareMs) {
      figures.longestShareMs = share;
      figures.longestShareWhere = [...where].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([f, us]) => `${f} ${(us / 1000).toFixed(1)} ms`);
    }
    if (ms > 50 && ms - share <= 50) figures.longTasks++;
    if (ms > figures.longestTask.ms) figures.longestTask = { ms, crosscheckMs: share };
  }
  return figures;
}

/**
 * Several recordings as one: Crosscheck's time is their median, its long tasks their sum, and its
 * longest share and longest task the longest of any.
 */
export function combineRecordings(all: TaskFigures[]): TaskFigures & { recordings: number } {
  const times = all.map((f) => f.crosscheckMs).sort((a, b) => a - b);
  const longestShare = all.reduce((a, b) => (b.longestShareMs > a.longestShareMs ? b : a));
  const longestTask = all.reduce((a, b) => (b.longestTask.ms > a.longestTask.ms ? b : a));
  return {
    recordings: all.length,
    crosscheckMs: times[(times.length - 1) >> 1]!,
    longestShareMs: longestShare.longestShareMs,
    longestShareWhere: longestShare.longestShareWhere,
    longTasks: all.reduce((n, f) => n + f.longTasks, 0),
    longestTask: longestTask.longestTask,
  };
}
