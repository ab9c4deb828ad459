/**
 * The content script's lifetime: the listeners and timers it adds end with it. It ends when the
 * extension is updated, reloaded or turned off under the page (its messages then fail). Unlike
 * WXT's content-script context, it tells the page nothing: no message posted to the window, and no
 * page event can end it.
 */
export class Lifetime {
  private readonly controller = new AbortController();

  get ended(): boolean {
    return this.controller.signal.aborted;
  }

  /** Adds a listener that is removed when the lifetime ends. */
  addEventListener(target: EventTarget, type: string, handler: (event: Event) => void, options: AddEventListenerOptions = {}): void {
    target.addEventListener(type, handler, { ...options, signal: this.controller.signal });
  }

  /** A timer that does not fire after the lifetime ended (and once it fired, is forgotten). */
  setTimeout(run: () => void, ms: number): void {
    const cancel = () => clearTimeout(id);
    const id = setTimeout(() => {
      this.controller.signal.removeEventListener('abort', cancel);
      if (!this.ended) run();
    }, ms);
    this.onInvalidated(cancel);
  }

  /** Runs `run` when the lifetime ends. */
  onInvalidated(run: () => void): void {
    if (this.ended) run();
    else this.controller.signal.addEventListener('abort', run, { once: true });
  }

  /** Ends the lifetime: every listener and timer goes. */
  end(): void {
    this.controller.abort();
  }
}
