import { anchor, type Anchor } from './anchor';
import type { TextSelectors } from './describe';

/** Longest run of anchoring before giving the event loop a turn; one note adds at most a few ms. */
const SLICE_MS = 20;

type Scheduler = { yield?: () => Promise<void> };

/** Lets the event loop run (input, paint) before continuing: `scheduler.yield` where there is one. */
function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Anchors a page's notes on its text (see `anchor`), in tasks of about SLICE_MS: so even a large
 * page with many notes never holds the main thread for long. Results are in the notes' order.
 */
export async function anchorAll(text: string, notes: readonly TextSelectors[]): Promise<(Anchor | null)[]> {
  const found: (Anchor | null)[] = [];
  let sliceStart = performance.now();
  for (const note of notes) {
    if (performance.now() - sliceStart > SLICE_MS) {
      await yieldToEventLoop();
      sliceStart = performance.now();
    }
    found.push(anchor(text, note));
  }
  return found;
}
