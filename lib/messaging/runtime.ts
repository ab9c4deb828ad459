import { browser } from 'wxt/browser';
import type { RequestInput, ResponseOf, Route } from './route';
import { envelope, unwrap, type Router } from './router';

/** This extension's identity, as sender checks need it. */
export function selfIdentity(): { id: string; origin: string } {
  return { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
}

/**
 * Connects a router to `runtime.onMessage` (and so to `tabs.sendMessage` when used in a content
 * script). Returns a function that disconnects it.
 */
export function listen(router: Router): () => void {
  const listener = (message: unknown, sender: Parameters<typeof router.dispatch>[1]) =>
    // Returning undefined lets another listener (or none) answer messages that are not ours.
    router.dispatch(message, sender).then((reply) => reply);
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}

/** Sends a request to the background and returns its validated answer, or throws its error. */
export async function call<R extends Route>(
  route: R,
  data: RequestInput<R>,
): Promise<ResponseOf<R>> {
  return unwrap(route, await browser.runtime.sendMessage(envelope(route, data)));
}

/** Sends a request to the content script of one tab and returns its validated answer. */
export async function callTab<R extends Route>(
  tabId: number,
  route: R,
  data: RequestInput<R>,
): Promise<ResponseOf<R>> {
  return unwrap(route, await browser.tabs.sendMessage(tabId, envelope(route, data)));
}
